package com.mizani.query.payroll;

import com.mizani.kernel.payroll.PayrollItemStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** One item of a payroll job and what became of it. */
public record PayrollItemView(
        @Schema(description = "The item's position in the job, from 0; with the job's id, its stable identity.") int index,
        String reference,
        @Schema(description = "A decimal string in major units.") String amount,
        String currency,
        @Schema(description = "The wallet paid; null for an M-Pesa item.") UUID walletId,
        @Schema(description = "The M-Pesa number paid, masked; null for a wallet item.") String msisdn,
        PayrollItemStatus status,
        @Schema(description = "A wallet item's transfer, once paid or failed; null otherwise.") UUID transferId,
        @Schema(description = "An M-Pesa item's payout (GET /api/v1/payments/{id}), once under way; null otherwise.")
        UUID paymentId,
        @Schema(description = "The provider's receipt of an M-Pesa item paid; null otherwise.") String receipt,
        @Schema(description = "Why a FAILED item failed: its transfer's or payout's refusal (WALLET_CLOSED, "
                + "WALLET_FROZEN...), or PAYOUT_FAILED when the provider did not pay; null otherwise.")
        String failureCode,
        @Schema(description = "For PAYOUT_FAILED, the provider's result code (M-Pesa's ResultCode: 1 insufficient "
                + "funds, 2001 invalid initiator...); null otherwise.") String providerResultCode,
        @Schema(description = "For PAYOUT_FAILED, the provider's description of the failure; null otherwise.")
        String failureReason) {
}
