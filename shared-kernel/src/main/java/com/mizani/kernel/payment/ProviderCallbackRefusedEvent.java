package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

/**
 * A callback was refused before it was read: wrong source address or bad signature. Kept, with a digest of the
 * body rather than the body, so that attempts are visible to audit without storing what a forger sent.
 */
@Revision("1")
public record ProviderCallbackRefusedEvent(String endpoint, String source, String reason, String bodySha256,
                                           int bodyLength) {
}
