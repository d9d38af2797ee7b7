package com.mizani.app.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6750's header form only; the token's characters checked without a regular expression. */
class BearerHeaderTest {

    private final BearerHeader resolver = new BearerHeader();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ledger/verify");
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void aBearerTokenIsRead() {
        assertThat(resolver.resolve(withAuthorization("Bearer eyJ.a-b_c~d+e/f=="))).isEqualTo("eyJ.a-b_c~d+e/f==");
        assertThat(resolver.resolve(withAuthorization("bearer abc"))).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(resolver.resolve(withAuthorization(null))).isNull();
        assertThat(resolver.resolve(withAuthorization("Basic Og=="))).isNull();
        assertThat(resolver.resolve(withAuthorization("Bearer"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer a b", "Bearer ==", "Bearer a=b", "Bearer a\"b", "Bearer \u00e9"})
    void aMalformedBearerTokenIsRefused(String header) {
        assertThatThrownBy(() -> resolver.resolve(withAuthorization(header))).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void theQueryStringIsNeverReadForATokenSoItCannotLandInLogs() {
        MockHttpServletRequest request = withAuthorization(null);
        request.setParameter("access_token", "abc");
        assertThat(resolver.resolve(request)).isNull();
    }
}
