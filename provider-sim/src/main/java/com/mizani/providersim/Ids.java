package com.mizani.providersim;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Provider-side identifiers in Daraja's formats, from a seeded generator so that repeated runs hand out the same
 * receipts in the same order. Kept apart from {@link FaultDice} so that ids do not shift when fault rates change.
 */
final class Ids {

    private static final String RECEIPT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random;

    Ids(long seed) {
        // A different stream from the fault dice, even though both come from the one configured seed.
        this.random = new Random(~seed);
    }

    /** Like {@code AG_20240706_2010759fd5662ef6d054}. */
    synchronized String conversationId(LocalDate day) {
        StringBuilder id = new StringBuilder("AG_").append(DAY.format(day)).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    /** Like {@code SG632NMUAB}: ten upper-case letters and digits. */
    synchronized String transactionId() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return id.toString();
    }
}
