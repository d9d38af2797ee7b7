package com.mizani.kernel.fx;

/** A quote is ACTIVE until a transfer uses it (USED) or its time runs out (EXPIRED); both are final. */
public enum FxQuoteStatus {
    ACTIVE, USED, EXPIRED
}
