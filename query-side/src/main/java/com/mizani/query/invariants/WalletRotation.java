package com.mizani.query.invariants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the projection check stands in its walk through all wallets, in wallet id order: each run takes the next
 * slice after the last wallet checked, and a rotation ends when a slice reaches the last wallet. Not thread-safe;
 * its owner runs one check at a time.
 */
final class WalletRotation {

    private UUID cursor;
    private long rotation;
    private long checkedInRotation;
    private Instant rotationStartedAt;
    private boolean ended = true;
    private long rotationsCompleted;
    private Instant lastFullCoverageAt;

    /** The last wallet checked in the current rotation, null when the next slice starts from the first wallet. */
    UUID cursor() {
        return cursor;
    }

    /** Starts a new rotation if the last one ended (or none began yet). */
    void begin(Instant now) {
        if (ended) {
            restart(now);
        }
    }

    /** Starts a new rotation from the first wallet, whatever the current one's progress. */
    void restart(Instant now) {
        rotation++;
        checkedInRotation = 0;
        rotationStartedAt = now;
        cursor = null;
        ended = false;
    }

    void took(List<UUID> walletIds) {
        checkedInRotation += walletIds.size();
        if (!walletIds.isEmpty()) {
            cursor = walletIds.getLast();
        }
    }

    /** The slice reached the last wallet: every wallet there was when the rotation began has been checked. */
    void end(Instant now) {
        ended = true;
        rotationsCompleted++;
        lastFullCoverageAt = now;
    }

    ReplayCoverage coverage(int walletsChecked, long totalWallets) {
        return new ReplayCoverage(walletsChecked, totalWallets, rotation, checkedInRotation, rotationStartedAt,
                rotationsCompleted, lastFullCoverageAt);
    }
}
