package com.mizani.command.fx;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.fx.ConsumeFxQuoteCommand;
import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.fx.IssueFxQuoteCommand;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;

/** A quote is used at most once, only by its principal, only on its own terms, and only before it expires. */
class FxQuoteTest {

    private static final UUID QUOTE = UUID.randomUUID();
    private static final UUID TRANSFER = UUID.randomUUID();
    private static final String OWNER = "client:owner";
    private static final FxTerms TERMS = new FxTerms(Money.of(10_000, CurrencyCode.KES), Money.of(50, CurrencyCode.KES),
            Money.of(76, CurrencyCode.USD), "0.00770000", 50);
    private static final Instant RATE_AS_OF = Instant.parse("2026-12-02T10:00:00Z");

    private AggregateTestFixture<FxQuote> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FxQuote.class);
    }

    private static FxQuoteIssuedEvent issued(Instant expiresAt) {
        return new FxQuoteIssuedEvent(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "hash");
    }

    private static ConsumeFxQuoteCommand consume(UUID transfer, String principal, Money source) {
        return new ConsumeFxQuoteCommand(QUOTE, transfer, principal, source, CurrencyCode.USD);
    }

    @Test
    void issuingRecordsTheQuoteAndSchedulesItsExpiry() {
        Instant expiresAt = Instant.now().plus(Duration.ofSeconds(60));
        fixture.givenNoPriorActivity()
                .when(new IssueFxQuoteCommand(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "hash"))
                .expectEvents(issued(expiresAt))
                .expectScheduledDeadlineWithName(expiresAt, FxQuote.EXPIRY);
    }

    @Test
    void aRepeatOfTheRequestIssuesNothingAndAnotherRequestUnderTheKeyIsAConflict() {
        Instant expiresAt = Instant.now().plusSeconds(60);
        fixture.given(issued(expiresAt))
                .when(new IssueFxQuoteCommand(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "hash"))
                .expectNoEvents();
        fixture.given(issued(expiresAt))
                .when(new IssueFxQuoteCommand(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "other"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void theOwnerUsesItOnceOnItsTerms() {
        fixture.given(issued(Instant.now().plusSeconds(60)))
                .when(consume(TRANSFER, OWNER, TERMS.source()))
                .expectEvents(new FxQuoteUsedEvent(QUOTE, TRANSFER, OWNER));
    }

    @Test
    void aSecondTransferFindsItUsedWhileTheSameTransferAgainGetsItBack() {
        fixture.given(issued(Instant.now().plusSeconds(60)), new FxQuoteUsedEvent(QUOTE, TRANSFER, OWNER))
                .when(consume(UUID.randomUUID(), OWNER, TERMS.source()))
                .expectException(refusal(ErrorCode.QUOTE_USED));
        fixture.given(issued(Instant.now().plusSeconds(60)), new FxQuoteUsedEvent(QUOTE, TRANSFER, OWNER))
                .when(consume(TRANSFER, OWNER, TERMS.source()))
                .expectNoEvents();
    }

    @Test
    void anotherPrincipalOtherAmountsOrOtherCurrenciesAreAMismatch() {
        fixture.given(issued(Instant.now().plusSeconds(60)))
                .when(consume(TRANSFER, "client:someone-else", TERMS.source()))
                .expectException(refusal(ErrorCode.QUOTE_MISMATCH));
        fixture.given(issued(Instant.now().plusSeconds(60)))
                .when(consume(TRANSFER, OWNER, Money.of(10_001, CurrencyCode.KES)))
                .expectException(refusal(ErrorCode.QUOTE_MISMATCH));
        fixture.given(issued(Instant.now().plusSeconds(60)))
                .when(new ConsumeFxQuoteCommand(QUOTE, TRANSFER, OWNER, TERMS.source(), CurrencyCode.EUR))
                .expectException(refusal(ErrorCode.QUOTE_MISMATCH));
    }

    @Test
    void anotherPrincipalLearnsNothingOfAUsedQuote() {
        fixture.given(issued(Instant.now().plusSeconds(60)), new FxQuoteUsedEvent(QUOTE, TRANSFER, OWNER))
                .when(consume(UUID.randomUUID(), "client:someone-else", TERMS.source()))
                .expectException(refusal(ErrorCode.QUOTE_MISMATCH));
    }

    @Test
    void aQuoteWhoseTimeIsUpIsExpiredEvenBeforeItsDeadlineRan() {
        fixture.given(issued(Instant.now().minusMillis(1)))
                .when(consume(TRANSFER, OWNER, TERMS.source()))
                .expectException(refusal(ErrorCode.QUOTE_EXPIRED));
    }

    @Test
    void theDeadlineRecordsTheExpiryOfAnUnusedQuoteOnly() {
        Instant expiresAt = Instant.now().plusSeconds(60);
        fixture.givenNoPriorActivity()
                .andGivenCommands(new IssueFxQuoteCommand(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "hash"))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectEvents(new FxQuoteExpiredEvent(QUOTE));
        fixture.givenNoPriorActivity()
                .andGivenCommands(new IssueFxQuoteCommand(QUOTE, OWNER, TERMS, RATE_AS_OF, "simulator", expiresAt, "hash"),
                        consume(TRANSFER, OWNER, TERMS.source()))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectNoEvents();
    }

    @Test
    void anExpiredQuoteCannotBeUsed() {
        fixture.given(issued(Instant.now().plusSeconds(60)), new FxQuoteExpiredEvent(QUOTE))
                .when(consume(TRANSFER, OWNER, TERMS.source()))
                .expectException(refusal(ErrorCode.QUOTE_EXPIRED));
    }
}
