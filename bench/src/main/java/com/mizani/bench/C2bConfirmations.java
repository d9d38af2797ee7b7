package com.mizani.bench;

import com.mizani.providersim.CallbackSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Daraja C2B (pay bill) confirmations as the provider sends them, signed with the shared callback secret. Each new
 * one pays 1 KES into a random funded wallet under a new TransID; a share of them are byte-for-byte repeats of one
 * the app already answered, as a provider redelivering would send them. The app must credit each TransID once.
 */
final class C2bConfirmations {

    static final String PATH = "/api/v1/providers/mpesa/c2b/confirmation";
    static final double REPEAT_SHARE = 0.2;
    static final long AMOUNT_MINOR = 100;

    private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Africa/Nairobi"));

    /** One confirmation to send: its exact bytes and their signature. */
    record Confirmation(String transId, byte[] body, String signature, boolean repeat) {
    }

    private final Ledger ledger;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Confirmation> answered = new ArrayList<>();

    C2bConfirmations(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A repeat of an answered confirmation with {@link #REPEAT_SHARE} (once there is one), else a new one. */
    Confirmation next(Random random) {
        if (random.nextDouble() < REPEAT_SHARE) {
            synchronized (answered) {
                if (!answered.isEmpty()) {
                    Confirmation earlier = answered.get(random.nextInt(answered.size()));
                    return new Confirmation(earlier.transId(), earlier.body(), earlier.signature(), true);
                }
            }
        }
        String transId = transId(sequence.incrementAndGet());
        String wallet = ledger.wallets().get(random.nextInt(ledger.wallets().size()));
        byte[] body = body(transId, wallet, Instant.now()).getBytes(StandardCharsets.UTF_8);
        ledger.confirmationSent(transId, new Ledger.Confirmation(wallet, AMOUNT_MINOR));
        return new Confirmation(transId, body, CallbackSignature.sign(Provider.CALLBACK_SECRET, body), false);
    }

    /** Only answered ones are repeated: a repeat then always follows the original. */
    void answered(Confirmation confirmation) {
        if (!confirmation.repeat()) {
            synchronized (answered) {
                answered.add(confirmation);
            }
        }
    }

    /** Ten upper-case letters and digits like Daraja's, unique within the run. */
    static String transId(long number) {
        String digits = Long.toString(number, 36).toUpperCase();
        return "BN" + "0".repeat(8 - digits.length()) + digits;
    }

    static String body(String transId, String walletId, Instant at) {
        return ("{\"TransactionType\":\"Pay Bill\",\"TransID\":\"%s\",\"TransTime\":\"%s\",\"TransAmount\":\"%d\","
                + "\"BusinessShortCode\":\"600996\",\"BillRefNumber\":\"%s\",\"InvoiceNumber\":\"\","
                + "\"OrgAccountBalance\":\"0.00\",\"ThirdPartyTransID\":\"\",\"MSISDN\":\"2547 ***** 126\","
                + "\"FirstName\":\"John\"}").formatted(transId, TRANS_TIME.format(at), AMOUNT_MINOR / 100, walletId);
    }
}
