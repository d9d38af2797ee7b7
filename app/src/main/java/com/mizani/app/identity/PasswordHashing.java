package com.mizani.app.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * Passwords and client secrets are stored as Argon2id hashes (memory-hard, OWASP's first choice), tagged with the
 * algorithm ({@code {argon2@SpringSecurity_v5_8}...}) so that the parameters can be raised later while old hashes
 * still verify.
 */
final class PasswordHashing {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    private PasswordHashing() {
    }

    static PasswordEncoder create() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
