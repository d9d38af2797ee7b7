package com.mizani.provider.mpesa.outbound;

import java.net.URI;
import java.util.Objects;

/**
 * A Daraja API the application runs itself (the embedded simulator of local mode). Declared as a bean, it takes the
 * place of {@code mizani.provider.base-url}; the adapter never needs to know what runs there.
 */
public record DarajaEndpoint(URI baseUri) {

    public DarajaEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
    }
}
