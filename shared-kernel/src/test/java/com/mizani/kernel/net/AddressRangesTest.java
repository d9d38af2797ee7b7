package com.mizani.kernel.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangesTest {

    private final AddressRanges allowlist = new AddressRanges(List.of("196.201.214.0/24", "127.0.0.1/32", "::1/128"));

    @Test
    void addressesInsideARangeAreAllowed() {
        assertThat(allowlist.contains("196.201.214.200")).isTrue();
        assertThat(allowlist.contains("127.0.0.1")).isTrue();
        assertThat(allowlist.contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(allowlist.contains("::ffff:196.201.214.7")).as("IPv4-mapped IPv6").isTrue();
    }

    @Test
    void everythingElseIsRefused() {
        assertThat(allowlist.contains("196.201.215.1")).isFalse();
        assertThat(allowlist.contains("10.0.0.1")).isFalse();
        assertThat(allowlist.contains("::2")).isFalse();
        assertThat(allowlist.contains("localhost")).as("names are never looked up").isFalse();
        assertThat(allowlist.contains("")).isFalse();
        assertThat(allowlist.contains(null)).isFalse();
    }

    @Test
    void aMalformedRangeIsAConfigurationError() {
        assertThatThrownBy(() -> new AddressRanges(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressRanges(List.of("example.com/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}
