package com.mizani.provider.mpesa.callback;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAllowlistTest {

    private final SourceAllowlist allowlist = new SourceAllowlist(List.of("196.201.214.0/24", "127.0.0.1/32", "::1/128"));

    @Test
    void addressesInsideARangeAreAllowed() {
        assertThat(allowlist.allows("196.201.214.200")).isTrue();
        assertThat(allowlist.allows("127.0.0.1")).isTrue();
        assertThat(allowlist.allows("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(allowlist.allows("::ffff:196.201.214.7")).as("IPv4-mapped IPv6").isTrue();
    }

    @Test
    void everythingElseIsRefused() {
        assertThat(allowlist.allows("196.201.215.1")).isFalse();
        assertThat(allowlist.allows("10.0.0.1")).isFalse();
        assertThat(allowlist.allows("::2")).isFalse();
        assertThat(allowlist.allows("localhost")).as("names are never looked up").isFalse();
        assertThat(allowlist.allows("")).isFalse();
        assertThat(allowlist.allows(null)).isFalse();
    }

    @Test
    void aMalformedRangeIsAConfigurationError() {
        assertThatThrownBy(() -> new SourceAllowlist(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceAllowlist(List.of("example.com/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}
