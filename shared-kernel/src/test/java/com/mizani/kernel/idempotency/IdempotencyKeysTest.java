package com.mizani.kernel.idempotency;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void deriveIdIsDeterministic() {
        assertThat(IdempotencyKeys.deriveId("transfer", "client-a", "key-1"))
                .isEqualTo(IdempotencyKeys.deriveId("transfer", "client-a", "key-1"));
    }

    @Test
    void deriveIdIsANameBasedUuid() {
        assertThat(IdempotencyKeys.deriveId("transfer", "client-a", "key-1").version()).isEqualTo(3);
    }

    @Test
    void deriveIdDiffersByScope() {
        assertThat(IdempotencyKeys.deriveId("transfer", "client-a", "key-1"))
                .isNotEqualTo(IdempotencyKeys.deriveId("deposit", "client-a", "key-1"));
    }

    @Test
    void deriveIdDiffersByClient() {
        assertThat(IdempotencyKeys.deriveId("transfer", "client-a", "key-1"))
                .isNotEqualTo(IdempotencyKeys.deriveId("transfer", "client-b", "key-1"));
    }

    @Test
    void deriveIdDiffersByKey() {
        assertThat(IdempotencyKeys.deriveId("transfer", "client-a", "key-1"))
                .isNotEqualTo(IdempotencyKeys.deriveId("transfer", "client-a", "key-2"));
    }

    @Test
    void fingerprintIsDeterministicSha256Hex() {
        String fingerprint = IdempotencyKeys.fingerprint("a", 1L, UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(fingerprint)
                .isEqualTo(IdempotencyKeys.fingerprint("a", 1L, UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprintDiffersWhenAnyFieldDiffers() {
        String original = IdempotencyKeys.fingerprint("wallet", 100L, "KES");
        assertThat(IdempotencyKeys.fingerprint("wallet2", 100L, "KES")).isNotEqualTo(original);
        assertThat(IdempotencyKeys.fingerprint("wallet", 101L, "KES")).isNotEqualTo(original);
        assertThat(IdempotencyKeys.fingerprint("wallet", 100L, "UGX")).isNotEqualTo(original);
    }

    @Test
    void fingerprintDiffersWhenFieldOrderDiffers() {
        assertThat(IdempotencyKeys.fingerprint("a", "b")).isNotEqualTo(IdempotencyKeys.fingerprint("b", "a"));
    }

    @Test
    void fingerprintIsUnambiguousAboutFieldBoundaries() {
        assertThat(IdempotencyKeys.fingerprint("ab", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "bc"));
        assertThat(IdempotencyKeys.fingerprint("abc")).isNotEqualTo(IdempotencyKeys.fingerprint("ab", "c"));
        // Fields may contain the separator itself, so a separator alone would not be enough.
        assertThat(IdempotencyKeys.fingerprint("a:b", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "b:c"));
        // A length prefix that is itself made of digits must not be confusable with the field's content.
        assertThat(IdempotencyKeys.fingerprint("1", "1:a")).isNotEqualTo(IdempotencyKeys.fingerprint("11:a"));
    }

    @Test
    void requireValidReturnsAValidKey() {
        assertThat(IdempotencyKeys.requireValid("order-42_A.b~!")).isEqualTo("order-42_A.b~!");
    }

    @Test
    void requireValidAcceptsAKeyOfExactly128Characters() {
        String key = "k".repeat(128);
        assertThat(IdempotencyKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requireValidRefusesAMissingKeyWithIdempotencyKeyMissing(String key) {
        assertRefusedWith(key, ErrorCode.IDEMPOTENCY_KEY_MISSING);
    }

    @Test
    void requireValidRefusesA129CharacterKeyWithIdempotencyKeyInvalid() {
        assertRefusedWith("k".repeat(129), ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", " ", "tab\tkey", "café", "key\n", "ключ"})
    void requireValidRefusesSpacesControlAndNonAsciiCharactersWithIdempotencyKeyInvalid(String key) {
        assertRefusedWith(key, ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    private static void assertRefusedWith(String key, ErrorCode expected) {
        assertThatThrownBy(() -> IdempotencyKeys.requireValid(key))
                .isInstanceOfSatisfying(MizaniException.class, refusal -> assertThat(refusal.code()).isEqualTo(expected));
    }
}
