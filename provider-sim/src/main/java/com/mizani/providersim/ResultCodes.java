package com.mizani.providersim;

import java.util.Map;

/** The Daraja ResultCodes the simulator produces, with the descriptions the provider sends for them. */
public final class ResultCodes {

    public static final int SUCCESS = 0;
    public static final int INSUFFICIENT_FUNDS = 1;
    public static final int INITIATOR_INVALID = 2001;
    /** STK push: the customer dismissed the prompt on the phone. */
    public static final int CANCELLED_BY_USER = 1032;
    /**
     * STK push: the phone could not be reached. The simulator also uses it (with its own description, see
     * {@link #QUEUE_TIMEOUT_DESCRIPTION}) for a B2C request that timed out in the provider's queue.
     */
    public static final int TIMEOUT = 1037;
    public static final String QUEUE_TIMEOUT_DESCRIPTION = "The request timed out in the provider's queue.";
    /**
     * Transaction status answer meaning "this provider never paid that OriginatorConversationID" (never seen,
     * or seen and failed). Daraja has no single documented code for this, so the simulator picks one that no
     * payout result uses; the app must treat it as the definitive "not paid".
     */
    public static final int NO_SUCH_PAYOUT = 404;
    /**
     * B2C result of a payout the provider reversed after paying it: the money is back in the utility account. Like
     * {@link #NO_SUCH_PAYOUT}, the simulator's own code (real providers report reversals in their own ways).
     */
    public static final int REVERSED = 410;

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            SUCCESS, "The service request is processed successfully.",
            INSUFFICIENT_FUNDS, "The balance is insufficient for the transaction.",
            2, "Declined due to limit rule: less than the minimum transaction amount.",
            INITIATOR_INVALID, "The initiator information is invalid.",
            CANCELLED_BY_USER, "Request cancelled by user",
            TIMEOUT, "DS timeout user cannot be reached",
            NO_SUCH_PAYOUT, "No payout was made for this OriginatorConversationID.",
            REVERSED, "The payout was reversed: the funds were returned to the utility account.");

    private ResultCodes() {
    }

    public static String describe(int resultCode) {
        return DESCRIPTIONS.getOrDefault(resultCode, "The transaction failed (simulated failure " + resultCode + ").");
    }
}
