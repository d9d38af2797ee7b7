package com.mizani.kernel.live;

/**
 * A status that a transfer, a payment or a payroll job reached, as its live status stream sends it. Updates can reach
 * a stream late or twice (a replayed projection emits its events again), so a stream orders them by
 * {@code sequence}, the position in the aggregate's event stream of the change that set the status, and never goes
 * back.
 */
public interface StatusUpdate {

    Enum<?> status();

    long sequence();

    /** Whether no other status can follow, which ends the stream. */
    boolean isFinal();

    /** What the stream's event carries as its JSON data: the update itself, unless the update says otherwise. */
    default Object eventData() {
        return this;
    }

    /**
     * Whether a stream that sent {@code previous}, earlier in the sequence, sends this update too. A transfer or a
     * payment is news when its status changed; a payroll job also while it stays RUNNING, as its progress moves.
     */
    default boolean isNewsAfter(StatusUpdate previous) {
        return status() != previous.status();
    }
}
