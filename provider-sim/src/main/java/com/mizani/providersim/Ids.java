package com.mizani.providersim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Provider-side identifiers in Daraja's formats, from a seeded generator so that repeated runs hand out the same
 * receipts in the same order. Kept apart from {@link FaultDice} so that ids do not shift when fault rates change.
 * Uniqueness is the ledger's job: it draws again when an id is already taken.
 */
final class Ids {

    private static final String RECEIPT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter CHECKOUT_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss");

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

    /** Like {@code SG632NMUAB}: ten upper-case letters and digits. Also the shape of receipts and C2B TransIDs. */
    synchronized String transactionId() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * Like {@code 29115-34620561-1}: Daraja's MerchantRequestID, and the shape of the OriginatorConversationID it
     * generates for calls that do not bring their own (C2B, account balance).
     */
    synchronized String requestId() {
        return "%05d-%08d-%d".formatted(random.nextInt(100_000), random.nextInt(100_000_000), 1 + random.nextInt(9));
    }

    /**
     * Like {@code ws_CO_191220191020363925}, but with ten random digits after the time instead of four: at a
     * thousand pushes a second, four digits would collide within the second all the time.
     */
    synchronized String checkoutRequestId(LocalDateTime time) {
        return "ws_CO_%s%010d".formatted(CHECKOUT_TIME.format(time), random.nextLong(10_000_000_000L));
    }
}
