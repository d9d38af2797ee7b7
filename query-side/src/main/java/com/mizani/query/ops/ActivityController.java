package com.mizani.query.ops;

import com.mizani.query.payment.PaymentProjection;
import com.mizani.query.transfer.TransferProjection;
import com.mizani.query.ledger.LedgerProjection;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.query.payment.PaymentViewRepository;
import com.mizani.query.payment.PaymentViewRow;
import com.mizani.query.support.Page;
import com.mizani.query.transfer.TransferViewRepository;
import com.mizani.query.transfer.TransferViewRow;
import com.mizani.query.wallet.WalletViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recent transfers and payments, newest first, paged: for operations filtered at will, for a customer its wallet's. */
@RestController
@Tag(name = "Operations")
public class ActivityController {

    private final TransferViewRepository transfers;
    private final PaymentViewRepository payments;
    private final WalletViewRepository wallets;

    public ActivityController(TransferViewRepository transfers, PaymentViewRepository payments,
                              WalletViewRepository wallets) {
        this.transfers = transfers;
        this.payments = payments;
        this.wallets = wallets;
    }

    /**
     * One transfer or payment as it stands now.
     *
     * @param walletId             the wallet debited by a transfer, or the payment's wallet
     * @param counterpartyWalletId the wallet a transfer credits; null for payments
     * @param method               how a payment moves money (CASH, MPESA_B2C…); null for transfers
     */
    public record Activity(UUID id, ActivityType type, String method, String status, UUID walletId,
                           UUID counterpartyWalletId, String amount, String fee, String currency, String failureCode,
                           String failureReason, Instant requestedAt, Instant updatedAt) {

        static Activity of(TransferViewRow transfer) {
            return new Activity(transfer.transferId(), ActivityType.TRANSFER, null, transfer.status().name(),
                    transfer.sourceWalletId(), transfer.destinationWalletId(), transfer.amount().toDecimalString(),
                    null, transfer.amount().currency().name(),
                    transfer.failureCode() == null ? null : transfer.failureCode().name(), transfer.failureReason(),
                    transfer.requestedAt(), transfer.updatedAt());
        }

        static Activity of(PaymentViewRow payment) {
            return new Activity(payment.paymentId(), ActivityType.of(payment.kind()), payment.method().name(),
                    payment.status().name(), payment.walletId(), null, payment.amount().toDecimalString(),
                    payment.fee().toDecimalString(), payment.amount().currency().name(), payment.failureCode(),
                    payment.failureReason(), payment.requestedAt(), payment.updatedAt());
        }
    }

    /**
     * @param type     TRANSFER, DEPOSIT or WITHDRAWAL
     * @param status   a transfer or payment status
     * @param walletId a wallet on either side
     * @param from     requested at or after (ISO-8601)
     * @param to       requested before (ISO-8601)
     */
    @Operation(operationId = "listActivity", summary = "List recent transfers and payments",
            description = "Transfers and payments in one list, newest first by request time, each as it stands now "
                    + "with its type, method, status, wallet (a transfer's source), counterparty wallet (a transfer's "
                    + "destination), amount, fee, currency and failure; filtered by type, status, wallet and request "
                    + "time, a page at a time (pass nextCursor for the next). A status that none of the requested "
                    + "types has (type=TRANSFER&status=SETTLED) is refused. For operators, approvers and auditors; "
                    + "read from the read models, which follow the commands within milliseconds.")
    @Refuses({ErrorCode.INVALID_CURSOR})
    @ReadsProjections({LedgerProjection.PROCESSING_GROUP, TransferProjection.PROCESSING_GROUP, PaymentProjection.PROCESSING_GROUP})
    @GetMapping("/api/v1/ops/activity")
    public Page<Activity> activity(@Parameter(description = "Only this type: a transfer, or a payment by its kind; "
                                           + "every type when absent.", schema = @Schema(type = "string",
                                           allowableValues = {"TRANSFER", "DEPOSIT", "WITHDRAWAL"}))
                                   @RequestParam(required = false) String type,
                                   @Parameter(description = "Only this status: a transfer status (REQUESTED, "
                                           + "COMPLETED, REJECTED, FAILED) or a payment status (REQUESTED, RESERVED, "
                                           + "SUBMITTED, AMBIGUOUS, SETTLED, FAILED, MANUAL_REVIEW, REJECTED); every "
                                           + "status when absent.", schema = @Schema(type = "string",
                                           allowableValues = {"REQUESTED", "COMPLETED", "REJECTED", "FAILED",
                                                   "RESERVED", "SUBMITTED", "AMBIGUOUS", "SETTLED", "MANUAL_REVIEW"}))
                                   @RequestParam(required = false) String status,
                                   @Parameter(description = "Only activity of this wallet, on either side of a "
                                           + "transfer.", schema = @Schema(type = "string", format = "uuid"))
                                   @RequestParam(required = false) UUID walletId,
                                   @Parameter(description = "Only activity requested at or after this instant "
                                           + "(ISO-8601, years 1 to 9999); before to.",
                                           schema = @Schema(type = "string", format = "date-time"))
                                   @RequestParam(required = false) String from,
                                   @Parameter(description = "Only activity requested before this instant (ISO-8601, "
                                           + "years 1 to 9999).", schema = @Schema(type = "string",
                                           format = "date-time"))
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        return page(ActivityFilter.of(type, status, walletId, from, to), limit, cursor);
    }

    /** One wallet's feed: what its owner sees of it, pending payments included. */
    @Operation(operationId = "listWalletActivity", summary = "List a wallet's transfers and payments",
            description = "The wallet's transfers (either side) and payments in one list, newest first by request "
                    + "time, each as it stands now: pending ones (a payout RESERVED, SUBMITTED or AMBIGUOUS) "
                    + "included, with its type, method, status, amount, fee and failure; a page at a time (pass "
                    + "nextCursor for the next). A customer may list its own wallets' activity only.")
    @Refuses({ErrorCode.INVALID_CURSOR, ErrorCode.WALLET_NOT_FOUND})
    @ReadsProjections({LedgerProjection.PROCESSING_GROUP, TransferProjection.PROCESSING_GROUP, PaymentProjection.PROCESSING_GROUP})
    @GetMapping("/api/v1/wallets/{walletId}/activity")
    public Page<Activity> walletActivity(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                                 format = "uuid")) @PathVariable UUID walletId,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor) {
        if (wallets.find(walletId).isEmpty()) {
            throw new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist");
        }
        return page(ActivityFilter.of(null, null, walletId, null, null), limit, cursor);
    }

    private Page<Activity> page(ActivityFilter filter, Integer limit, String cursor) {
        int pageSize = Page.checkedLimit(limit);
        List<Activity> rows = filter.select(transfers, payments, ActivityCursor.decode(cursor), pageSize + 1);
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<Activity> page = rows.subList(0, pageSize);
        Activity last = page.getLast();
        return new Page<>(List.copyOf(page), new ActivityCursor(last.requestedAt(), last.id()).encode());
    }
}
