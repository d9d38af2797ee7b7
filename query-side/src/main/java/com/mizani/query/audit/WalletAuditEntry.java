package com.mizani.query.audit;

import java.util.UUID;

/** One event of a wallet, with its place in the wallet's own sequence. */
public record WalletAuditEntry(UUID walletId, long walletSequence, AuditEntry event) {
}
