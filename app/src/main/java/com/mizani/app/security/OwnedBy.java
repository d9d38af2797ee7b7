package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;

/**
 * How a {@code customer} request names what it acts on, so that the policy can check it is the customer's own:
 * a wallet, transfer, payment or transaction in the path, a wallet in the JSON body, or the owner id itself in the
 * body (opening a wallet).
 */
sealed interface OwnedBy {

    /** {@code {variable}} in the path is one of the customer's wallets. */
    record WalletInPath(String variable) implements OwnedBy {
    }

    /** The body's {@code field} is one of the customer's wallets. */
    record WalletInBody(String field) implements OwnedBy {
    }

    /** {@code {variable}} in the path is a transfer, payment or adjustment that moves money of a customer's wallet. */
    record TransactionInPath(String variable, ErrorCode notFound, String noun) implements OwnedBy {
    }

    /** The body's {@code field} is the customer's own owner id. */
    record OwnerInBody(String field) implements OwnedBy {
    }

    /** The query parameter {@code parameter} is the customer's own owner id. */
    record OwnerInQuery(String parameter) implements OwnedBy {
    }
}
