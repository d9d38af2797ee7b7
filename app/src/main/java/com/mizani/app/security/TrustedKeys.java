package com.mizani.app.security;

/** Whether a signing key (by its id) still verifies tokens: a rotation retires keys, at once or when their tokens expire. */
@FunctionalInterface
public interface TrustedKeys {

    boolean trusts(String keyId);
}
