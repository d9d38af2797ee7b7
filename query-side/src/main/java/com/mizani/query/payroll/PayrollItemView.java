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
        @Schema(description = "The item's transfer, once paid or failed; null before.") UUID transferId,
        @Schema(description = "Why its transfer was refused (WALLET_CLOSED, WALLET_NOT_FOUND...), for a FAILED "
                + "item; null otherwise.") String failureCode) {
}
