package com.mizani.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What one conversation touched: every transfer, payment, adjustment and wallet with an event that carries the
 * correlation id, so that one HTTP request can be followed into everything it caused (a payroll release into its
 * payouts, a transfer into both wallets' postings).
 *
 * @param truncated true when more than {@link #LIMIT} of one kind matched: the first ones are listed
 */
public record Correlated(String correlationId, List<Match> matches, boolean truncated) {

    /** At most this many of each kind are listed. */
    public static final int LIMIT = 100;

    public enum Kind { TRANSFER, PAYMENT, ADJUSTMENT, WALLET }

    /** @param status the transfer's, payment's or adjustment's status in the audit view; null for a wallet */
    public record Match(Kind kind, String id,
                        @Schema(description = "The record's status in the audit view; null for a wallet.")
                        String status) {
    }
}
