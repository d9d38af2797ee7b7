package com.mizani.app.console;

import java.util.Map;

/**
 * The pages' words for a status: what it is called, and where the money is at that step. Pending states are named,
 * never hidden.
 */
public final class StatusWords {

    public record Words(String label, String whereTheMoneyIs, String tone) {
    }

    private static final Map<String, Words> WITHDRAWAL = Map.of(
            "REQUESTED", new Words("Requested", "Nothing has moved yet.", "pending"),
            "RESERVED", new Words("Reserved", "The amount and the fee are held in your wallet: not spendable, not paid "
                    + "yet.", "pending"),
            "SUBMITTED", new Words("Sent to M-Pesa", "Held in your wallet until M-Pesa confirms the payment.", "pending"),
            "AMBIGUOUS", new Words("Awaiting provider confirmation", "Held in your wallet: M-Pesa has not said yet "
                    + "whether it paid, and Mizani is asking it.", "pending"),
            "MANUAL_REVIEW", new Words("Under review", "Held in your wallet while the operations team confirms the "
                    + "outcome with M-Pesa.", "pending"),
            "SETTLED", new Words("Settled", "Paid out: the amount and the fee have left your wallet.", "good"),
            "FAILED", new Words("Failed", "Nothing was paid: what was held is back in your available balance.", "bad"),
            "REJECTED", new Words("Refused", "Nothing moved.", "bad"));

    private static final Map<String, Words> DEPOSIT = Map.of(
            "REQUESTED", new Words("Requested", "Nothing has moved yet.", "pending"),
            "SUBMITTED", new Words("Waiting for your phone", "Confirm the payment on your phone; nothing is credited "
                    + "until M-Pesa confirms it.", "pending"),
            "AMBIGUOUS", new Words("Awaiting provider confirmation", "Not credited yet: Mizani is asking M-Pesa whether "
                    + "you paid.", "pending"),
            "MANUAL_REVIEW", new Words("Under review", "Not credited yet: the operations team is confirming it with "
                    + "M-Pesa.", "pending"),
            "SETTLED", new Words("Credited", "The amount is in your available balance.", "good"),
            "FAILED", new Words("Failed", "Nothing was credited.", "bad"),
            "REJECTED", new Words("Refused", "Nothing moved.", "bad"));

    private static final Map<String, Words> TRANSFER = Map.of(
            "REQUESTED", new Words("Processing", "Nothing has moved yet.", "pending"),
            "COMPLETED", new Words("Completed", "The amount has left your wallet and reached the other one.", "good"),
            "REJECTED", new Words("Refused", "Nothing moved.", "bad"),
            "FAILED", new Words("Failed", "Nothing moved: anything held for it was released.", "bad"));

    private StatusWords() {
    }

    public static Words ofPayment(String kind, String status) {
        Map<String, Words> words = "DEPOSIT".equals(kind) ? DEPOSIT : WITHDRAWAL;
        return words.getOrDefault(status, new Words(status, "", "pending"));
    }

    public static Words ofTransfer(String status) {
        return TRANSFER.getOrDefault(status, new Words(status, "", "pending"));
    }
}
