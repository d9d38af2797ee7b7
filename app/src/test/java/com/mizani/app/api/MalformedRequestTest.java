package com.mizani.app.api;

import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.RawHttp;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests malformed below the level of fields and bodies (in their path, query string, headers or framing), each of
 * which was once answered 500 or 503, or with an answer that was not problem+json. Every one is bad input: a 4xx
 * problem with a stable code, and nothing changed.
 */
class MalformedRequestTest extends IntegrationTest {

    /** A path id of blanks converts to no UUID at all, which Spring reports as a missing path variable. */
    @ParameterizedTest(name = "path id {0}")
    @ValueSource(strings = {"%20", "%09", "%20%20"})
    void aBlankPathIdIsNotAUuid(String id) {
        assertRefused(api.get("/api/v1/wallets/" + id), 400, "INVALID_ID");
        assertRefused(api.get("/api/v1/transfers/" + id + "/events"), 400, "INVALID_ID");
        assertRefused(api.post("/api/v1/wallets/" + id + "/freeze", ""), 400, "INVALID_ID");
    }

    /** A line break in a URL (a header-splitting attempt) is refused by the security firewall before anything else. */
    @ParameterizedTest(name = "path id {0}")
    @ValueSource(strings = {"%0A", "%0D%0A", "%0d"})
    void aLineBreakInThePathIsMalformed(String id) {
        assertRefused(api.get("/api/v1/wallets/" + id), 400, "MALFORMED_REQUEST");
        assertRefused(api.get("/api/v1/transfers/" + id + "/events"), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/wallets/" + id + "/freeze", ""), 400, "MALFORMED_REQUEST");
    }

    /** No endpoint takes multipart bodies, so none is parsed: claiming one is just an unsupported media type. */
    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=x", "multipart/mixed"})
    void aMultipartContentTypeIsAnUnsupportedMediaType(String contentType) {
        String wallet = api.openWallet("KES");
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/deposits")).header("Content-Type", contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"walletId\":\"%s\",\"amount\":\"1.00\",\"currency\":\"KES\"}"
                        .formatted(wallet)))), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/providers/mpesa/c2b/confirmation"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("{}"))),
                401, "CALLBACK_SIGNATURE_INVALID");
        Response read = api.send(HttpRequest.newBuilder(api.uri("/api/v1/ledger/verify")).header("Content-Type", contentType).GET());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    /** A Content-Type that names no single media type, or a charset nobody knows, is refused before anything reads it. */
    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"*/*", "application/*", "application/json; charset=", "application/json; charset=nonsense",
            "application/json; charset=\"a b\"", "multipart/form-data; boundary=", "junk", "/", ";;;"})
    void aContentTypeThatNamesNoMediaTypeIsRefused(String contentType) {
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/transfers")).header("Content-Type", contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "UNSUPPORTED_MEDIA_TYPE");
        // Spring MVC decodes the path in the request's charset for every answer, reads included.
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/ledger/verify")).header("Content-Type", contentType).GET()),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    /** The container cannot read such a query string; Tomcat says so by throwing when a parameter is read. */
    @ParameterizedTest(name = "query {0}")
    @ValueSource(strings = {"limit=%FF", "cursor=%C3%28", "limit=%E2%82", "%FF=1", "=1", "limit=5&&=x"})
    void anUnreadableQueryStringIsMalformed(String query) {
        assertRefused(api.get("/api/v1/wallets/" + UUID.randomUUID() + "/entries?" + query), 400, "MALFORMED_REQUEST");
        assertRefused(api.get("/api/v1/ops/activity?" + query), 400, "MALFORMED_REQUEST");
    }

    /** An undecodable form body is the same fault as an unreadable query string, and it is not JSON anyway. */
    @Test
    void anUndecodableFormBodyIsMalformed() {
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/transfers"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("a=%FF"))), 400, "MALFORMED_REQUEST");
    }

    /**
     * Instants beyond the years 1 to 9999 no longer fit PostgreSQL's timestamps or Java's date-times: they failed as
     * 500 (a date-time overflow) or 503 (the database refusing the timestamp, taken for an outage).
     */
    @ParameterizedTest(name = "instant {0}")
    @ValueSource(strings = {"-5000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "%2B200000-01-01T00:00:00Z",
            "%2B999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z"})
    void instantsOutsideTheYearsOneToNineThousandAreRefused(String instant) {
        String wallet = api.openWallet("KES");
        assertRefused(api.get("/api/v1/ops/activity?from=" + instant), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/ops/activity?to=" + instant), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/ops/stats?to=" + instant), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/wallets/" + wallet + "/balance?asOf=" + instant), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/audit/wallets/" + wallet + "/replay?asOf=" + instant), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/wallets/" + wallet + "/statement?from=" + instant + "&to=2026-01-01T00:00:00Z"),
                400, "VALIDATION_FAILED");
    }

    @Test
    void theFirstAndLastQueryableInstantsAreAccepted() {
        assertThat(api.get("/api/v1/ops/activity?from=0001-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ops/activity?to=9999-12-31T23:59:59.999999999Z").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ops/stats?to=0001-01-02T00:00:00Z").status()).isEqualTo(200);
    }

    /** An activity cursor is opaque, but one forged with an instant far out of range must still be refused as one. */
    @ParameterizedTest(name = "micros {0}")
    @ValueSource(longs = {Long.MIN_VALUE + 1, -62_135_596_800_000_001L, 253_402_300_800_000_000L, Long.MAX_VALUE})
    void aForgedActivityCursorIsRefused(long micros) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("a:" + micros + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertRefused(api.get("/api/v1/ops/activity?cursor=" + cursor), 400, "INVALID_CURSOR");
    }

    /**
     * An Accept the answer cannot satisfy is refused (406; 400 for one that cannot be read) before a command runs. It
     * used to be found out only when the answer was written: the client was refused a deposit that had credited the
     * wallet.
     */
    @ParameterizedTest(name = "Accept {0}")
    @CsvSource({"application/xml, 406, NOT_ACCEPTABLE", "text/event-stream, 406, NOT_ACCEPTABLE",
            "text/html, 406, NOT_ACCEPTABLE", "*/*;q=x, 400, VALIDATION_FAILED"})
    void anUnacceptableAnswerIsRefusedBeforeTheCommandRuns(String accept, int status, String code) {
        String wallet = api.openWallet("KES");
        api.deposit(wallet, "100.00", "KES");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.available(wallet), "100.00"::equals);

        assertRefused(api.post("/api/v1/deposits", "{\"walletId\":\"%s\",\"amount\":\"5.00\",\"currency\":\"KES\"}".formatted(wallet),
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept", accept), status, code);
        Response opened = api.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(UUID.randomUUID()),
                "Accept", accept);
        assertRefused(opened, status, code);
        assertThat(opened.location()).as("a wallet was opened").isNull();

        // Had the refused deposit credited the wallet, its balance would go 105.00, 106.00 and never show 101.00.
        api.deposit(wallet, "1.00", "KES");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.available(wallet), "101.00"::equals);
    }

    /** What the container sends to its error page (TRACE, here) is problem+json too, whatever the client accepts. */
    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"text/html", "application/xml", "application/problem+json", "*/*"})
    void theContainersErrorPageAnswersProblems(String accept) {
        assertRefused(raw("TRACE /api/v1/wallets HTTP/1.1\r\nAccept: " + accept + "\r\n"), 405, "METHOD_NOT_ALLOWED");
        // Its own filters do not run for the error page: the answer must not depend on the request's Content-Type.
        assertRefused(raw("TRACE /api/v1/ledger/verify HTTP/1.1\r\nContent-Type: application/json; charset=\r\n"),
                405, "METHOD_NOT_ALLOWED");
    }

    /** Tomcat's 501 (unknown transfer coding) and 505 (unknown HTTP version) are the client's fault. */
    @Test
    void framingTheContainerDoesNotSpeakIsMalformed() {
        assertRefused(raw("POST /api/v1/wallets HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n"),
                400, "MALFORMED_REQUEST");
        assertRefused(rawLine("GET /api/v1/ledger/verify HTTP/2.0"), 400, "MALFORMED_REQUEST");
    }

    /** Header values with control characters (an emoji's UTF-8 bytes hold C1 controls) are refused by the firewall. */
    @ParameterizedTest(name = "header value {0}")
    @ValueSource(strings = {"\uD83D\uDE00", "a\u0007b", "a\u0085b"})
    void aHeaderValueOutsideVisibleAsciiIsMalformed(String value) {
        String utf8 = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        // With a valid token: the header is read (and refused) only once the request got past authentication.
        String token = Tokens.client(port, "malformed-headers", List.of("service"), null);
        assertRefused(raw("POST /api/v1/wallets HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Authorization: Bearer " + token + "\r\nIdempotency-Key: " + utf8 + "\r\n", "{}"), 400, "MALFORMED_REQUEST");
    }

    /** A request with its request line and headers as given, sent byte for byte. */
    private Response raw(String requestLineAndHeaders) {
        return raw(requestLineAndHeaders, "");
    }

    private Response raw(String requestLineAndHeaders, String body) {
        return new RawHttp(port, 10_000).send((requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private Response rawLine(String requestLine) {
        return raw(requestLine + "\r\n");
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as("content type " + response.contentType()).isTrue();
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
