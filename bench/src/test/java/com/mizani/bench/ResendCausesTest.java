package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the load's client reports as the cause of each resend (the cluster's retries by cause). */
class ResendCausesTest {

    @Test
    void namesAnAnswerByItsStatusAndItsProblemsCode() {
        assertThat(LoadRun.cause(new Client.Answer(409,
                "{\"status\":409,\"code\":\"CONCURRENT_MODIFICATION\",\"title\":\"Conflict\"}")))
                .isEqualTo("409 CONCURRENT_MODIFICATION");
        assertThat(LoadRun.cause(new Client.Answer(503, "{\"code\":\"SERVICE_UNAVAILABLE\"}")))
                .isEqualTo("503 SERVICE_UNAVAILABLE");
        assertThat(LoadRun.cause(new Client.Answer(502, "<html>Bad Gateway</html>"))).isEqualTo("502");
        assertThat(LoadRun.cause(new Client.Answer(500, ""))).isEqualTo("500");
    }

    @Test
    void namesARequestWithoutAnswerByWhyItGotNone() {
        assertThat(LoadRun.cause(new ConnectException())).isEqualTo("connection refused");
        assertThat(LoadRun.cause(new IOException(new ConnectException("Connection refused"))))
                .isEqualTo("connection refused");
        assertThat(LoadRun.cause(new IOException("Connection reset"))).isEqualTo("connection reset or closed");
        assertThat(LoadRun.cause(new HttpTimeoutException("request timed out"))).isEqualTo("timed out");
        assertThat(LoadRun.cause(new HttpConnectTimeoutException("connect timed out"))).isEqualTo("timed out");
    }
}
