package com.mizani.app.console.customer;

import com.mizani.app.console.ApiRefusal;
import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.FormOutcome;
import com.mizani.app.console.LiveRelay;
import com.mizani.app.console.StatusWords;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Money in, across and out, from the customer's wallet page: each form carries the idempotency key the page made
 * for it, so that a second submission of the same form is the same request. What the API refuses is shown on the
 * wallet page, in its words, with nothing changed.
 */
@Controller
@ConditionalOnConsole
class MoneyPages {

    private final ConsoleApi api;
    private final LiveRelay live;

    MoneyPages(ConsoleApi api, LiveRelay live) {
        this.api = api;
        this.live = live;
    }

    @PostMapping("/app/transfers")
    String transfer(@RequestParam UUID sourceWalletId, @RequestParam String destinationWalletId,
                    @RequestParam String amount, @RequestParam String currency,
                    @RequestParam(required = false) String fxQuoteId, @RequestParam UUID idempotencyKey,
                    RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceWalletId", sourceWalletId.toString());
        body.put("destinationWalletId", destinationWalletId.strip());
        body.put("amount", amount.strip());
        body.put("currency", currency);
        if (fxQuoteId != null && !fxQuoteId.isBlank()) {
            body.put("fxQuoteId", fxQuoteId.strip());
        }
        try {
            Map<String, Object> transfer = api.post("/api/v1/transfers", body, idempotencyKey.toString());
            return "redirect:/app/transfers/" + transfer.get("transferId");
        } catch (ApiRefusal refused) {
            return refusedOn(sourceWalletId, "transfer", refused, flash);
        }
    }

    @GetMapping("/app/transfers/{transferId}")
    String transferPage(@PathVariable UUID transferId, Model model) {
        Map<String, Object> transfer = api.get("/api/v1/transfers/" + transferId);
        model.addAttribute("transfer", transfer);
        model.addAttribute("update", transfer);
        model.addAttribute("words", StatusWords.ofTransfer(String.valueOf(transfer.get("status"))));
        return "console/transfer";
    }

    @GetMapping(path = "/app/transfers/{transferId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter transferLive(@PathVariable UUID transferId) {
        return live.relay("/api/v1/transfers/" + transferId + "/events", "console/fragments", "status",
                update -> Map.of("update", update, "words", StatusWords.ofTransfer(String.valueOf(update.get("status")))));
    }

    @PostMapping("/app/withdrawals")
    String withdraw(@RequestParam UUID walletId, @RequestParam String amount, @RequestParam String currency,
                    @RequestParam String msisdn, @RequestParam UUID idempotencyKey, RedirectAttributes flash) {
        return payment("/api/v1/withdrawals", walletId, Map.of("walletId", walletId.toString(), "amount", amount.strip(),
                "currency", currency, "msisdn", msisdn.strip()), idempotencyKey, "withdrawal", flash);
    }

    @PostMapping("/app/deposits")
    String deposit(@RequestParam UUID walletId, @RequestParam String amount, @RequestParam String currency,
                   @RequestParam String msisdn, @RequestParam UUID idempotencyKey, RedirectAttributes flash) {
        return payment("/api/v1/deposits", walletId, Map.of("walletId", walletId.toString(), "amount", amount.strip(),
                "currency", currency, "method", "MPESA_STK", "msisdn", msisdn.strip()), idempotencyKey, "deposit", flash);
    }

    @GetMapping("/app/payments/{paymentId}")
    String paymentPage(@PathVariable UUID paymentId, Model model) {
        Map<String, Object> payment = api.get("/api/v1/payments/" + paymentId);
        model.addAttribute("payment", payment);
        model.addAttribute("update", payment);
        model.addAttribute("words", StatusWords.ofPayment(String.valueOf(payment.get("kind")),
                String.valueOf(payment.get("status"))));
        return "console/payment";
    }

    @GetMapping(path = "/app/payments/{paymentId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter paymentLive(@PathVariable UUID paymentId, @RequestParam(defaultValue = "WITHDRAWAL") String kind) {
        String paymentKind = "DEPOSIT".equals(kind) ? "DEPOSIT" : "WITHDRAWAL";
        return live.relay("/api/v1/payments/" + paymentId + "/events", "console/fragments", "status",
                update -> Map.of("update", update,
                        "words", StatusWords.ofPayment(paymentKind, String.valueOf(update.get("status")))));
    }

    private String payment(String path, UUID walletId, Map<String, Object> body, UUID idempotencyKey, String form,
                           RedirectAttributes flash) {
        try {
            Map<String, Object> payment = api.post(path, body, idempotencyKey.toString());
            return "redirect:/app/payments/" + payment.get("paymentId");
        } catch (ApiRefusal refused) {
            return refusedOn(walletId, form, refused, flash);
        }
    }

    /** Back to the wallet, with the API's refusal; a wallet the person may not see is refused as the API refused it. */
    private static String refusedOn(UUID walletId, String form, ApiRefusal refused, RedirectAttributes flash) {
        if (refused.status() == 404 && "WALLET_NOT_FOUND".equals(refused.code())
                && refused.getMessage().contains(walletId.toString())) {
            throw refused;
        }
        FormOutcome.refused(flash, form, refused);
        return "redirect:/app/wallets/" + walletId;
    }
}
