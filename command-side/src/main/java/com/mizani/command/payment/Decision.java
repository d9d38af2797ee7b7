package com.mizani.command.payment;

/** What a provider message means for a payment, decided by the payment before any money moves. */
record Decision(Action action, String reason) {

    enum Action {
        /** Record the message, change nothing. */
        IGNORE,
        /** The provider's queue timed out: only a status query can tell now. */
        AMBIGUOUS,
        /** The message contradicts our request: an operator must look, nothing moves. */
        REVIEW,
        /** The provider moved the money: capture the reservation or credit the wallet. */
        CONFIRM,
        /** The provider did not move the money: release the reservation. */
        FAIL
    }

    static Decision of(Action action, String reason) {
        return new Decision(action, reason);
    }

    static Decision ignore(String reason) {
        return new Decision(Action.IGNORE, reason);
    }
}
