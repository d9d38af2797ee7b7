package com.mizani.kernel.transfer;

/**
 * REQUESTED until both legs are done. COMPLETED: the destination was credited. REJECTED: the source
 * refused the debit, nothing moved. FAILED: the destination refused the credit and the source was refunded.
 */
public enum TransferStatus {
    REQUESTED, COMPLETED, REJECTED, FAILED;

    public boolean isTerminal() {
        return this != REQUESTED;
    }
}
