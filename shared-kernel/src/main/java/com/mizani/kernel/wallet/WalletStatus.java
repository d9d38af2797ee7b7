package com.mizani.kernel.wallet;

public enum WalletStatus {
    ACTIVE, FROZEN, CLOSED
}
