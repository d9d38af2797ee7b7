package com.mizani.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the dashboards' pages take to render over a large store: a customer who owns the hot wallet and an
 * operator sign in through the embedded issuer's page as a browser would (cookies, the CSRF token of the form,
 * redirects), then each page is fetched {@code renders} times, one at a time and four a second at most (a person's
 * pace, within the rate limit of its role), after a few unmeasured fetches. The
 * time is from sending the request to the last byte of the page, on loopback, so it is the server's time.
 */
final class ConsolePages {

    static final double GOAL_MS = 200;
    private static final int WARM_UP = 3;
    private static final long PACE_MS = 250;
    private static final int STATEMENT_SECONDS = 5;
    private static final String PASSWORD = "a bench password, long enough";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One page's render times. */
    record Timing(String page, String path, int renders, double p50Ms, double p99Ms, double maxMs, int failures) {

        Map<String, Object> asFigures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("page", page);
            figures.put("path", path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
            figures.put("renders", renders);
            figures.put("p50Ms", Report.round(p50Ms));
            figures.put("p99Ms", Report.round(p99Ms));
            figures.put("maxMs", Report.round(maxMs));
            figures.put("notOk", failures);
            return figures;
        }
    }

    private final Client admin;
    private final String base;

    ConsolePages(Client admin, String base) {
        this.admin = admin;
        this.base = base;
    }

    List<Timing> measure(String hotWallet, int renders) throws IOException, InterruptedException {
        String owner = admin.get("/api/v1/wallets/" + hotWallet).json().path("ownerId").asText();
        Browser customer = signIn(person("customer", owner));
        Browser operator = signIn(person("operator", null));
        // A statement holds at most 10,000 entries: the hot wallet's first five seconds hold a few thousand.
        Instant first = Instant.parse(admin.get("/api/v1/wallets/" + hotWallet + "/entries?limit=1").json()
                .path("items").path(0).path("occurredAt").asText());
        String from = first.toString();
        String to = first.plusSeconds(STATEMENT_SECONDS).toString();
        Map<String, String> customerPages = new LinkedHashMap<>();
        customerPages.put("customer: wallets", "/");
        customerPages.put("customer: wallet, first page of 25 entries", "/app/wallets/" + hotWallet);
        customerPages.put("customer: statement of the hot wallet's first " + STATEMENT_SECONDS + " s", "/app/wallets/" + hotWallet + "?from=" + from + "&to=" + to);
        Map<String, String> operatorPages = new LinkedHashMap<>();
        operatorPages.put("operator: overview", "/ops");
        operatorPages.put("operator: queues", "/ops/queues");
        operatorPages.put("operator: wallet inspector", "/ops/wallets/" + hotWallet);
        // What the inspector asks for once it has rendered, and what it does on request: each reads the whole wallet.
        Map<String, String> operatorActions = new LinkedHashMap<>();
        operatorActions.put("operator: inspector's balance replayed from the events (asked for after the page)",
                "/ops/wallets/" + hotWallet + "/replayed?asOf=" + to);
        operatorActions.put("operator: wallet inspector with the chain verified (on request)",
                "/ops/wallets/" + hotWallet + "?verify=chain");
        List<Timing> timings = new ArrayList<>();
        for (Map.Entry<String, String> page : customerPages.entrySet()) {
            timings.add(time(customer, page.getKey(), page.getValue(), renders));
        }
        for (Map.Entry<String, String> page : operatorPages.entrySet()) {
            timings.add(time(operator, page.getKey(), page.getValue(), renders));
        }
        for (Map.Entry<String, String> action : operatorActions.entrySet()) {
            timings.add(time(operator, action.getKey(), action.getValue(), Math.max(1, renders / 5)));
        }
        return timings;
    }

    private static Timing time(Browser browser, String name, String path, int renders)
            throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            browser.get(path);
        }
        Latencies latencies = new Latencies();
        int failures = 0;
        for (int i = 0; i < renders; i++) {
            // A person's pace, within its rate limit (a customer's is 20 API calls a second; a page makes up to 4).
            Thread.sleep(PACE_MS);
            long start = System.nanoTime();
            HttpResponse<String> page = browser.get(path);
            latencies.add(System.nanoTime() - start);
            if (page.statusCode() != 200) {
                failures++;
            }
        }
        BenchMain.log("page %s: p50 %.1f ms, p99 %.1f ms over %d renders%s", name, latencies.percentileMs(50),
                latencies.percentileMs(99), renders, failures > 0 ? ", " + failures + " not 200" : "");
        return new Timing(name, path, renders, latencies.percentileMs(50), latencies.percentileMs(99),
                latencies.maxMs(), failures);
    }

    private String person(String role, String owner) throws IOException, InterruptedException {
        String username = "bench-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String body = owner == null
                ? "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}".formatted(username, PASSWORD, role)
                : "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"],\"ownerId\":\"%s\"}"
                .formatted(username, PASSWORD, role, owner);
        Client.Answer created = admin.post("/api/v1/admin/users", body, null);
        if (created.status() != 201) {
            throw new IllegalStateException("creating the " + role + " answered " + created.status() + ": " + created.body());
        }
        return username;
    }

    /** Signs in as a browser does: to the sign-in page and back through the authorization-code flow. */
    private Browser signIn(String username) throws IOException, InterruptedException {
        Browser browser = new Browser(base);
        browser.follow("/");
        HttpResponse<String> form = browser.get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        browser.follow(browser.postForm("/login", "username=" + encode(username) + "&password=" + encode(PASSWORD)
                + "&_csrf=" + encode(csrf.group(1))));
        HttpResponse<String> home = browser.get("/");
        if (home.statusCode() != 200 && home.statusCode() != 302) {
            throw new IllegalStateException(username + " could not sign in: " + home.statusCode());
        }
        return browser;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Cookies kept, redirects followed by hand (so that each hop is on this origin). */
    private static final class Browser {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Browser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void follow(String path) throws IOException, InterruptedException {
            follow(get(path));
        }

        void follow(HttpResponse<String> answer) throws IOException, InterruptedException {
            for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
                String location = answer.headers().firstValue("Location").orElseThrow();
                answer = get(URI.create(base).resolve(location).toString());
            }
        }
    }
}
