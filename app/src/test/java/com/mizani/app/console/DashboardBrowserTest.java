package com.mizani.app.console;

import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards in a real, headless Chromium against the whole application: people sign in through the embedded
 * issuer's page, act through the forms, and watch statuses change live. Each flow saves a screenshot. No page may
 * make the browser report a refused script or style (the content security policy allows no inline ones).
 */
class DashboardBrowserTest extends PaymentTestSupport {

    private static final String PASSWORD = "a long enough password";
    private static final Duration LIVE = Duration.ofSeconds(30);
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String REASON_WITH_MARKUP = "<b>not</b> on the statement <img src=x onerror=alert(1)>";

    private record Person(String username, String ownerId) {
    }

    private Person person(String... roles) {
        String username = roles[0] + "-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = roles[0].equals("customer") ? UUID.randomUUID().toString() : null;
        String roleList = String.join("\",\"", roles);
        String body = owner == null
                ? "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}".formatted(username, PASSWORD, roleList)
                : "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"customer\"],\"ownerId\":\"%s\"}"
                .formatted(username, PASSWORD, owner);
        assertThat(api.post("/api/v1/admin/users", body).status()).isEqualTo(201);
        return new Person(username, owner);
    }

    /** A KES wallet of the customer, with a cash deposit in it. */
    private String walletOf(Person customer, String shillings) {
        String wallet = api.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}"
                .formatted(customer.ownerId())).text("walletId");
        assertThat(api.deposit(wallet, shillings, "KES").status()).isEqualTo(201);
        return wallet;
    }

    @Test
    void aCustomerSeesItsBalanceTransfersAndWatchesTheTransferCompleteWithoutReloading() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "10000.00");
        String payee = api.openWallet("KES");
        try (Chromium browser = Chromium.open(port, 1280, 900)) {
            browser.signIn(customer.username(), PASSWORD);
            browser.waiting(LIVE).until(d -> browser.all(".wallet-row .available").stream()
                    .map(WebElement::getText).anyMatch("10000.00"::equals));
            browser.screenshot("customer-wallets");

            browser.find(".wallet-row a").click();
            browser.type("#destinationWalletId", payee);
            browser.type("#transfer-amount", "2500.00");
            browser.find("#transfer-form button").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().contains("/app/transfers/"));
            browser.mark();
            browser.waiting(LIVE).until(d -> browser.text(".status-code").equals("COMPLETED"));
            assertThat(browser.stillMarked()).as("the status changed on the same page").isTrue();
            assertThat(browser.text(".status-label")).isEqualTo("Completed");
            browser.screenshot("customer-transfer-completed");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

            // Home's activity feed: the transfer out, newest first, above the cash deposit that funded the wallet.
            browser.go("/");
            List<String> feed = browser.all("#activity-feed .feed-line").stream().map(WebElement::getText).toList();
            assertThat(feed).hasSize(2);
            assertThat(feed.get(0)).contains("Sent to " + payee.substring(0, 8), "−2500.00 KES", "Completed");
            assertThat(feed.get(1)).contains("Cash deposit", "+10000.00 KES", "Credited");
            browser.find("#activity-feed .feed-line a").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().contains("/app/transfers/"));
        }
        assertThat(api.available(payee)).isEqualTo("2500.00");
        assertThat(api.available(wallet)).isEqualTo("7500.00");
    }

    @Test
    void aCrossCurrencyTransferShowsItsQuoteCountingDownAndPaysOnIt() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "10000.00");
        String payee = api.openWallet("USD");
        try (Chromium browser = Chromium.open(port, 1280, 900)) {
            browser.signIn(customer.username(), PASSWORD);
            browser.go("/app/wallets/" + wallet);
            browser.type("#fx-destination", payee);
            new org.openqa.selenium.support.ui.Select(browser.find("#fx-to-currency")).selectByValue("USD");
            browser.type("#fx-amount", "1500.00");
            browser.find("#fx-form button").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().contains("/app/fx/quotes/"));
            assertThat(browser.text("#quote-from")).isEqualTo("1500.00 KES");
            String first = browser.text("#countdown");
            assertThat(first).matches("\\d+ s");
            browser.waiting(LIVE).until(d -> !browser.text("#countdown").equals(first));
            assertThat(Integer.parseInt(browser.text("#countdown").replace(" s", "")))
                    .isLessThan(Integer.parseInt(first.replace(" s", "")));
            String received = browser.text("#quote-to");
            browser.screenshot("customer-fx-quote");

            browser.find("#confirm-transfer").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().contains("/app/transfers/"));
            browser.waiting(LIVE).until(d -> browser.text(".status-code").equals("COMPLETED"));
            assertThat(received).endsWith(" USD");
            assertThat(api.available(payee) + " USD").isEqualTo(received);
        }
        assertThat(api.available(wallet)).isEqualTo("8500.00");
    }

    @Test
    void aDoubleSubmittedTransferFormPaysOnce() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "1000.00");
        String payee = api.openWallet("KES");
        try (Chromium browser = Chromium.open(port, 1280, 900)) {
            browser.signIn(customer.username(), PASSWORD);
            browser.go("/app/wallets/" + wallet);
            browser.type("#destinationWalletId", payee);
            browser.type("#transfer-amount", "100.00");
            // Both submissions leave before the first answer: the page's key makes them one transfer.
            browser.driver().executeScript("""
                    const form = document.getElementById('transfer-form');
                    const body = new URLSearchParams(new FormData(form));
                    return Promise.all([fetch(form.action, {method: 'POST', body: body}),
                                        fetch(form.action, {method: 'POST', body: body})]).then(() => true);""");
            browser.go("/app/wallets/" + wallet);
            browser.waiting(LIVE).until(d -> browser.text("#available").equals("900.00"));
        }
        assertThat(api.available(payee)).isEqualTo("100.00");
    }

    @Test
    void aCustomerWithdrawsAndSeesThePendingStateThenSettled() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "5000.00");
        faults(Faults.NONE.withLateCallbackMs(4_000));
        try (Chromium browser = Chromium.open(port, 390, 844)) {
            browser.signIn(customer.username(), PASSWORD);
            browser.go("/app/wallets/" + wallet);
            browser.type("#withdraw-msisdn", MSISDN);
            browser.type("#withdraw-amount", "1000");
            browser.find("#withdraw-form button").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().contains("/app/payments/"));
            browser.mark();
            assertThat(browser.text(".status-code")).isIn("REQUESTED", "RESERVED", "SUBMITTED", "AMBIGUOUS");
            assertThat(browser.text(".status-label"))
                    .isIn("Requested", "Reserved", "Sent to M-Pesa", "Awaiting provider confirmation");
            assertThat(browser.text(".status")).containsAnyOf("held in your wallet", "Held in your wallet",
                    "Nothing has moved yet");
            browser.screenshot("customer-withdrawal-pending");

            browser.waiting(LIVE).until(d -> browser.text(".status-code").equals("SETTLED"));
            assertThat(browser.stillMarked()).as("the status changed on the same page").isTrue();
            assertThat(browser.text(".status-label")).isEqualTo("Settled");
            browser.screenshot("customer-withdrawal-settled");
        }
        // 1,000 paid out and the fee (15.00 in tests).
        assertThat(api.available(wallet)).isEqualTo("3985.00");
    }

    @Test
    void theOverviewChartsShowRealNumbers() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "700.00");
        assertThat(api.transfer(UUID.randomUUID().toString(), wallet, api.openWallet("KES"), "70.00", "KES").status())
                .isEqualTo(201);
        Person operator = person("operator");
        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(operator.username(), PASSWORD);
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/ops"));
            List<WebElement> charts = browser.all("figure.chart");
            assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.all("figure.chart svg rect.bar")).isNotEmpty();
            List<String> values = browser.all("figure.chart svg text.value").stream().map(WebElement::getText)
                    .filter(text -> !text.isEmpty()).toList();
            assertThat(values).isNotEmpty().allMatch(text -> text.matches("\\d+(\\.\\d+)?"));
            assertThat(browser.text("#totals")).contains("TRANSFER", "COMPLETED", "KES");
            assertThat(browser.text("#zero-sum")).contains("KES");
            browser.screenshot("ops-overview");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
        }
    }

    @Test
    void anOperatorProposesADecisionThatOnlyAnotherPersonMayApprove() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "1000.00");
        // Nothing reaches the provider: the payout ends in review, and in truth it was not paid.
        faults(Faults.NONE.withServerErrorRate(1.0));
        String paymentId = withdraw(wallet, "100").text("paymentId");
        awaitStatus(paymentId, "MANUAL_REVIEW");
        faults(Faults.NONE);
        assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("115.00");
        // The proposer may approve in general: only the four-eyes rule keeps it from approving its own proposal.
        Person maker = person("operator", "approver");
        Person checker = person("approver");

        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(maker.username(), PASSWORD);
            browser.go("/ops/queues");
            browser.find("#queue-MANUAL_REVIEW a[href$='" + paymentId + "']").click();
            // First ask the provider now: its answer (no such payout) comes into the timeline, and moves nothing.
            browser.find("#query-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#done").isEmpty());
            browser.waiting(LIVE).until(d -> {
                d.navigate().refresh();
                return browser.text("#timeline").contains("STATUS_QUERY NOT_FOUND");
            });
            assertThat(browser.text("#timeline")).contains("status query asked by operations sent");
            assertThat(browser.text("#payment-status")).isEqualTo("MANUAL_REVIEW");
            browser.find("#outcome-not-paid").click();
            // Markup in a reason is shown as the text it is, never made into elements.
            browser.type("#propose-reason", REASON_WITH_MARKUP);
            browser.find("#propose-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#done").isEmpty());
            assertThat(browser.text("#proposal")).contains("NOT_PAID", maker.username(), REASON_WITH_MARKUP);
            assertThat(browser.all("#proposal img, #proposal script, #proposal b")).isEmpty();
            assertThat(browser.all("#approve-form")).as("no approval offered to the proposer").isEmpty();
            assertThat(browser.find("#not-yours").isDisplayed()).isTrue();
            // The audit trail comes once the page has rendered: who proposed, as whom.
            browser.waiting(LIVE).until(d -> browser.text("#audit-trail").contains("user:" + maker.username()));
            browser.screenshot("ops-proposal");

            browser.go("/ops/inbox");
            assertThat(browser.driver().getPageSource()).doesNotContain(paymentId);
            // Posting the approval anyway, with a valid CSRF token of its session: the API refuses it.
            String proposalId = api.get("/api/v1/payments/" + paymentId).json()
                    .path("pendingResolution").path("proposalId").asText();
            Object answer = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const body = new URLSearchParams({proposalId: arguments[1],
                        _csrf: document.querySelector('input[name=_csrf]').value});
                    fetch('/app/ops/payments/' + arguments[0] + '/resolution/approve', {method: 'POST', body: body})
                        .then(answer => answer.text()).then(done);""", paymentId, proposalId);
            // The answer is the payment's page again, saying why.
            assertThat((String) answer).contains("PROPOSER_CANNOT_DECIDE");
            browser.go("/ops/payments/" + paymentId);
            assertThat(browser.text("#payment-status")).isEqualTo("MANUAL_REVIEW");
        }
        assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("115.00");

        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(checker.username(), PASSWORD);
            browser.go("/ops/inbox");
            browser.find("#inbox a[href$='" + paymentId + "']").click();
            browser.type("#approve-reason", "checked the statement too");
            browser.find("#approve-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#done").isEmpty());
            browser.waiting(LIVE).until(d -> {
                d.navigate().refresh();
                return browser.text("#payment-status").equals("FAILED");
            });
            browser.screenshot("ops-decision-approved");
        }
        await().atMost(LIVE).untilAsserted(() -> {
            assertThat(api.wallet(wallet).path("available").asText()).isEqualTo("1000.00");
            assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("0.00");
        });
    }

    @Test
    void anAuditorVerifiesAWalletsChainAndComparesItsBalanceAtAnInstant() throws Exception {
        Person customer = person("customer");
        String wallet = walletOf(customer, "400.00");
        Thread.sleep(5);
        String before = java.time.Instant.now().toString();
        Thread.sleep(5);
        Api.Response transferred = api.transfer(UUID.randomUUID().toString(), wallet, api.openWallet("KES"), "150.00",
                "KES");
        assertThat(transferred.status()).isEqualTo(201);
        String transferId = transferred.text("transferId");
        Person auditor = person("auditor");
        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(auditor.username(), PASSWORD);
            browser.go("/ops/wallets");
            browser.type("#id", wallet);
            browser.find("form[role=search] button").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/ops/wallets/" + wallet));
            assertThat(browser.all("#freeze")).as("freezing is an operator's").isEmpty();
            browser.waiting(LIVE).until(d -> {
                d.navigate().refresh();
                return browser.text("#pit-read-model").equals("250.00");
            });
            assertThat(browser.text("#pit-events")).isEqualTo("250.00");

            browser.find("#verify-chain").click();
            browser.waiting(LIVE).until(d -> !browser.all("#chain").isEmpty());
            assertThat(browser.text("#chain")).contains("Valid");

            browser.go("/ops/wallets/" + wallet + "?asOf=" + before);
            assertThat(browser.text("#pit-read-model")).isEqualTo("400.00");
            assertThat(browser.text("#pit-events")).isEqualTo("400.00");
            assertThat(browser.text("#pit-verdict")).isEqualTo("They agree (400.00).");
            browser.screenshot("ops-wallet-inspector");

            // The transfer's correlation id finds what its request touched: the transfer and both wallets.
            String correlationId = await().atMost(LIVE).until(() -> api.get("/api/v1/audit/transfers/" + transferId),
                    record -> record.status() == 200).json().path("entries").path(0).path("correlationId").asText();
            browser.go("/ops/wallets");
            browser.type("#id", correlationId);
            browser.find("form[role=search] button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#correlated").isEmpty());
            assertThat(browser.text("#correlated")).contains("TRANSFER", transferId, "COMPLETED", "WALLET", wallet);
            browser.find("#correlated a[href$='/ops/wallets/" + wallet + "']").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/ops/wallets/" + wallet));
        }
    }

    @Test
    void anApproverReleasesAPayrollJobFromTheInboxAndWatchesItsProgress() {
        String source = api.openWallet("KES");
        assertThat(api.deposit(source, "1000.00", "KES").status()).isEqualTo(201);
        String paid = api.openWallet("KES");
        String frozen = api.openWallet("KES");
        assertThat(api.post("/api/v1/wallets/" + frozen + "/freeze", "").status()).isEqualTo(200);
        String job = api.post("/api/v1/payroll/jobs", """
                {"sourceWalletId":"%s","name":"December","items":[
                 {"reference":"E1","amount":"300.00","currency":"KES","walletId":"%s"},
                 {"reference":"E2","amount":"200.00","currency":"KES","walletId":"%s"}]}""".formatted(source, paid, frozen),
                "Idempotency-Key", UUID.randomUUID().toString()).text("jobId");
        Person approver = person("approver");
        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(approver.username(), PASSWORD);
            browser.go("/ops/inbox");
            browser.find("#payroll-releases a[href$='" + job + "']").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/ops/payroll/" + job));
            browser.mark();
            browser.find("#release-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#done").isEmpty());
            browser.mark();
            browser.waiting(LIVE).until(d -> browser.text(".job-status").equals("COMPLETED_WITH_FAILURES"));
            assertThat(browser.stillMarked()).as("the progress changed on the same page").isTrue();
            assertThat(browser.text(".job-progress")).isEqualTo("2/2");
            browser.driver().navigate().refresh();
            assertThat(browser.text("#failed-items")).contains("E2", "WALLET_FROZEN");
            browser.screenshot("ops-payroll-job");
            Object csv = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('failed-csv').href).then(answer => answer.text()).then(done);""");
            assertThat((String) csv).contains("E2", "WALLET_FROZEN").doesNotContain("E1");
        }
        assertThat(api.available(paid)).isEqualTo("300.00");
        assertThat(api.available(source)).isEqualTo("700.00");
    }

    @Test
    void anAdminCreatesAUserAndRebuildsAProjectionWithItsProgress() {
        Person admin = person("admin");
        String newcomer = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        try (Chromium browser = Chromium.open(port, 1280, 1000)) {
            browser.signIn(admin.username(), PASSWORD);
            browser.go("/ops/admin");
            browser.type("#new-username", newcomer);
            browser.type("#new-password", PASSWORD);
            browser.find("#new-user-form input[value=auditor]").click();
            browser.find("#new-user-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#done").isEmpty());
            assertThat(browser.text("#users")).contains(newcomer);
            assertThat(browser.driver().getPageSource()).doesNotContain(PASSWORD);

            browser.go("/ops/projections");
            browser.find("#projections button[aria-label='Rebuild adjustments']").click();
            browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/ops/projections/adjustments"));
            browser.waiting(LIVE).until(d -> browser.text(".replay-state").equals("COMPLETED"));
            browser.screenshot("ops-projection-rebuilt");
        }
        assertThat(api.get("/api/v1/admin/users/" + newcomer).json().path("roles").toString()).contains("auditor");
    }

    @Test
    void anOperatorFreezesAWalletWhoseTransfersAreRefusedSeesThemInTheActivityAndProposesAnAdjustment() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "500.00");
        String payee = api.openWallet("KES");
        // An approver too: only the four-eyes rule keeps it from approving its own adjustment.
        Person operator = person("operator", "approver");
        try (Chromium staff = Chromium.open(port, 1280, 1000); Chromium owner = Chromium.open(port, 1280, 900)) {
            staff.signIn(operator.username(), PASSWORD);
            staff.go("/ops/wallets/" + wallet);
            staff.find("#freeze").click();
            staff.waiting(LIVE).until(d -> staff.text("#wallet-status").equals("FROZEN"));

            owner.signIn(customer.username(), PASSWORD);
            owner.go("/app/wallets/" + wallet);
            owner.type("#destinationWalletId", payee);
            owner.type("#transfer-amount", "50.00");
            owner.find("#transfer-form button").click();
            // Refused on the wallet page, or recorded as REJECTED on the transfer's: either way nothing moves.
            owner.waiting(LIVE).until(d -> !owner.all("#refusal").isEmpty() || owner.all(".status-code").stream()
                    .anyMatch(code -> code.getText().equals("REJECTED")));

            staff.go("/ops/activity?walletId=" + wallet);
            assertThat(staff.text("#activity")).contains("Transfer", "WALLET_FROZEN", "DEPOSIT");
            staff.screenshot("ops-activity");
            staff.go("/ops/wallets/" + wallet);
            staff.find("#unfreeze").click();
            staff.waiting(LIVE).until(d -> staff.text("#wallet-status").equals("ACTIVE"));

            // A manual correction, proposed here: nothing moves until someone else approves it.
            staff.find("#adjust-credit").click();
            staff.type("#adjust-amount", "25.00");
            staff.type("#adjust-reason", REASON_WITH_MARKUP);
            staff.find("#adjustment-form button").click();
            staff.waiting(LIVE).until(d -> !staff.all("#done").isEmpty());
            assertThat(api.available(wallet)).isEqualTo("500.00");
            staff.go("/ops/inbox");
            assertThat(staff.text("main h1")).as("the inbox itself is shown").isEqualTo("Checker inbox");
            assertThat(staff.all("#adjustments tbody tr")).as("never offered to its proposer")
                    .noneMatch(tr -> tr.getText().contains(REASON_WITH_MARKUP));
        }
        Person approver = person("approver");
        try (Chromium checker = Chromium.open(port, 1280, 1000)) {
            checker.signIn(approver.username(), PASSWORD);
            checker.go("/ops/inbox");
            WebElement row = checker.all("#adjustments tbody tr").stream()
                    .filter(tr -> tr.getText().contains(REASON_WITH_MARKUP)).findFirst().orElseThrow();
            assertThat(row.getText()).contains("CREDIT", "25.00 KES");
            assertThat(checker.all("#adjustments img, #adjustments script, #adjustments b")).isEmpty();
            row.findElement(org.openqa.selenium.By.cssSelector("form[action$='/approve'] button")).click();
            checker.waiting(LIVE).until(d -> !checker.all("#done").isEmpty());
        }
        await().atMost(LIVE).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("525.00"));
        assertThat(api.available(payee)).isEqualTo("0.00");
    }

    @Test
    void hostileFormInputIsRefusedOrEscapedAndMovesNothing() {
        Person customer = person("customer");
        String wallet = walletOf(customer, "1000.00");
        String othersWallet = api.openWallet("KES");
        assertThat(api.deposit(othersWallet, "1000.00", "KES").status()).isEqualTo(201);
        try (Chromium browser = Chromium.open(port, 1280, 900)) {
            browser.signIn(customer.username(), PASSWORD);

            // Script in every text field of every form, past the page's own patterns and lengths: refused by the API
            // (or by the page, for the period fields), shown as text, and never run.
            for (String form : List.of("#transfer-form", "#fx-form", "#withdraw-form", "#deposit-form")) {
                browser.go("/app/wallets/" + wallet);
                browser.driver().executeScript("""
                        document.querySelectorAll(arguments[0] + ' input:not([type=hidden])').forEach(field => {
                            field.removeAttribute('pattern'); field.removeAttribute('maxlength');
                            field.removeAttribute('inputmode'); field.value = arguments[1]; });""", form, SCRIPT);
                browser.find(form + " button").click();
                browser.waiting(LIVE).until(d -> !browser.all("#refusal").isEmpty());
                assertThat(browser.text("#refusal")).as(form).contains("refused");
                assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            }
            browser.go("/app/wallets/" + wallet + "?from=" + java.net.URLEncoder.encode(SCRIPT,
                    java.nio.charset.StandardCharsets.UTF_8) + "&to=x");
            assertThat(browser.driver().getPageSource()).contains("VALIDATION_FAILED").doesNotContain(SCRIPT);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

            // A period the API makes no statement of is said on the wallet's page, which still shows the rest.
            browser.go("/app/wallets/" + wallet + "?from=2026-12-03T10:00:00&to=2026-12-03T09:00:00");
            assertThat(browser.text("#statement-refusal")).contains("from must be before to", "VALIDATION_FAILED");
            assertThat(browser.all("#transfer-form")).isNotEmpty();

            // An oversized amount.
            browser.go("/app/wallets/" + wallet);
            browser.driver().executeScript("document.getElementById('transfer-amount').removeAttribute('maxlength');");
            browser.type("#destinationWalletId", othersWallet);
            browser.type("#transfer-amount", "9".repeat(5_000));
            browser.find("#transfer-form button").click();
            browser.waiting(LIVE).until(d -> !browser.all("#refusal").isEmpty());

            // Another owner's wallet in the hidden source field: as if it did not exist.
            browser.go("/app/wallets/" + wallet);
            browser.driver().executeScript("document.querySelector('#transfer-form [name=sourceWalletId]').value = '"
                    + othersWallet + "';");
            browser.type("#destinationWalletId", wallet);
            browser.type("#transfer-amount", "10.00");
            browser.find("#transfer-form button").click();
            browser.waiting(LIVE).until(d -> d.getPageSource().contains("WALLET_NOT_FOUND"));
            browser.go("/app/wallets/" + othersWallet);
            assertThat(browser.driver().getPageSource()).contains("WALLET_NOT_FOUND");

            // A forged CSRF token.
            browser.go("/app/wallets/" + wallet);
            browser.driver().executeScript("document.querySelector('#transfer-form [name=_csrf]').value = 'forged';");
            browser.type("#destinationWalletId", othersWallet);
            browser.type("#transfer-amount", "10.00");
            browser.find("#transfer-form button").click();
            browser.waiting(LIVE).until(d -> d.getPageSource().contains("FORM_EXPIRED"));
        }
        assertThat(List.of(api.available(wallet), api.available(othersWallet))).containsOnly("1000.00");
    }
}
