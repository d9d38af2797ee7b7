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
 * redirects), then each page is fetched {@code renders} times, one at a time, after a few unmeasured fetches. The
 * time is from sending the request to the last byte of the page, on loopback, so it is the server's time.
 */
final class ConsolePages {

    static final double GOAL_MS = 200;
    private static final int WARM_UP = 3;
    private static final String PASSWORD = "a bench password, long enough";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One page's render times. */
    record Timing(String page, String path, int renders, double p50Ms, double p99Ms, double maxMs, int failures) {
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
        String from = Instant.now().minus(Duration.ofDays(1)).toString();
        String to = Instant.now().toString();
        Map<String, String> customerPages = new LinkedHashMap<>();
        customerPages.put("customer: wallets", "/");
        customerPages.put("customer: wallet, first page of 25 entries", "/app/wallets/" + hotWallet);
        customerPages.put("customer: statement of the last day", "/app/wallets/" + hotWallet + "?from=" + from + "&to=" + to);
        Map<String, String> operatorPages = new LinkedHashMap<>();
        operatorPages.put("operator: overview", "/ops");
        operatorPages.put("operator: queues", "/ops/queues");
        operatorPages.put("operator: wallet inspector (balance from the events)", "/ops/wallets/" + hotWallet);
        operatorPages.put("operator: wallet inspector with the chain verified", "/ops/wallets/" + hotWallet + "?verify=chain");
        List<Timing> timings = new ArrayList<>();
        for (Map.Entry<String, String> page : customerPages.entrySet()) {
            timings.add(time(customer, page.getKey(), page.getValue(), renders));
        }
        for (Map.Entry<String, String> page : operatorPages.entrySet()) {
            timings.add(time(operator, page.getKey(), page.getValue(), renders));
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
