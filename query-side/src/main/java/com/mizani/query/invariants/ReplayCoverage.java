package com.mizani.query.invariants;

import java.time.Instant;

/**
 * How far the projection check has walked through the wallets.
 *
 * @param walletsChecked     wallets replayed in this run
 * @param totalWallets       wallets in the read model at this run
 * @param rotation           which walk through all wallets this run belongs to, from 1
 * @param checkedInRotation  wallets replayed so far in that walk
 * @param rotationStartedAt  when that walk began
 * @param rotationsCompleted walks that reached the last wallet
 * @param lastFullCoverageAt when the last of them did; null until one has
 */
public record ReplayCoverage(int walletsChecked, long totalWallets, long rotation, long checkedInRotation,
                             Instant rotationStartedAt, long rotationsCompleted, Instant lastFullCoverageAt) {
}
