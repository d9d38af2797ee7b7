package com.mizani.query.audit;

import java.util.List;

/** The MongoDB collections of the audit views; all of them are rebuilt from the event store on replay. */
final class AuditCollections {

    /** One document per transfer: its status and every event of its lifecycle, wallet legs included. */
    static final String TRANSFERS = "transfer_audit";
    /** One document per payment: its status and every event, provider answers and ignored callbacks included. */
    static final String PAYMENTS = "payment_audit";
    /** One document per manual adjustment: its status, proposal, decision (who, why) and its wallet posting. */
    static final String ADJUSTMENTS = "adjustment_audit";
    /** One document per wallet event, keyed by event id, listed by wallet and wallet sequence. */
    static final String WALLET_EVENTS = "wallet_audit";
    /** One document per refused provider callback: it names no payment, since it was refused before being read. */
    static final String REFUSED_CALLBACKS = "refused_callback_audit";

    static final List<String> ALL = List.of(TRANSFERS, PAYMENTS, ADJUSTMENTS, WALLET_EVENTS, REFUSED_CALLBACKS);

    private AuditCollections() {
    }
}
