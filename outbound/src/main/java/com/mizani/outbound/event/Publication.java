package com.mizani.outbound.event;

/**
 * A public event ready to go out, and whom it is for.
 *
 * @param onlyFor the principal whose endpoints alone receive it ({@link PublicEventType#ownerOnly()}); null for all
 */
public record Publication(PublicEvent event, String onlyFor) {
}
