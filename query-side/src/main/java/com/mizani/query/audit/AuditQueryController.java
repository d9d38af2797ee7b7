package com.mizani.query.audit;

import com.mizani.query.support.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What happened, when, why and on whose behalf, read from the MongoDB audit views. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditQueryController {

    private final AuditReader audit;

    public AuditQueryController(AuditReader audit) {
        this.audit = audit;
    }

    @GetMapping("/transfers/{transferId}")
    public LifecycleAudit transfer(@PathVariable UUID transferId) {
        return audit.lifecycle(AuditCollections.TRANSFERS, transferId);
    }

    @GetMapping("/payments/{paymentId}")
    public LifecycleAudit payment(@PathVariable UUID paymentId) {
        return audit.lifecycle(AuditCollections.PAYMENTS, paymentId);
    }

    /** Who proposed the adjustment and who approved or rejected it, with its wallet posting. */
    @GetMapping("/adjustments/{adjustmentId}")
    public LifecycleAudit adjustment(@PathVariable UUID adjustmentId) {
        return audit.lifecycle(AuditCollections.ADJUSTMENTS, adjustmentId);
    }

    @GetMapping("/wallets/{walletId}")
    public Page<WalletAuditEntry> wallet(@PathVariable UUID walletId, @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor) {
        return audit.walletEvents(walletId, Page.checkedLimit(limit), cursor);
    }

    /** Callbacks refused before they were read (bad source or signature): they name no payment, so they are listed apart. */
    @GetMapping("/refused-callbacks")
    public Page<AuditEntry> refusedCallbacks(@RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor) {
        return audit.refusedCallbacks(Page.checkedLimit(limit), cursor);
    }
}
