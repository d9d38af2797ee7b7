package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** STK push deposits are recorded only for a wallet that would take the money; nothing moves until the phone says. */
class MobileDepositTest {

    private static final UUID PAYMENT = UUID.fromString("cccccccc-0000-0000-0000-000000000005");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000005");
    private static final Money AMOUNT = Money.of(50_000, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final String HASH = "hash-of-push";
    private static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");

    private FixtureConfiguration<Payment> fixture;
    private RecordingWalletStub wallets;
    private StubWalletChecks walletChecks;

    @BeforeEach
    void setUp() {
        PaymentFixture payments = PaymentFixture.with(SettleWindowTesting.PASSED);
        fixture = payments.fixture();
        wallets = payments.wallets();
        walletChecks = payments.walletChecks();
    }

    private static RequestMobileDepositCommand push(String hash) {
        return new RequestMobileDepositCommand(PAYMENT, WALLET, AMOUNT, MSISDN, hash);
    }

    private static PaymentOutcome outcome(PaymentStatus status, ErrorCode code, String reason, Instant finishedAt) {
        return new PaymentOutcome(PAYMENT, WALLET, AMOUNT, Money.of(0, CurrencyCode.KES), PaymentMethod.MPESA_STK,
                status, code, reason, NOW, finishedAt);
    }

    @Test
    void aPushForAWalletThatWouldTakeTheMoneyIsAcceptedAndMovesNothing() {
        fixture.givenCurrentTime(NOW)
                .when(push(HASH))
                .expectEvents(new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, HASH),
                        new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN))
                .expectResultMessagePayload(outcome(PaymentStatus.REQUESTED, null, null, null));
        assertThat(walletChecks.asked()).containsExactly(WALLET);
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aPushForAWalletThatWouldRefuseIsRejectedWithItsCode() {
        walletChecks.refusing(WALLET, new MizaniException(ErrorCode.WALLET_FROZEN, "wallet is frozen"));
        fixture.givenCurrentTime(NOW)
                .when(push(HASH))
                .expectEvents(new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, HASH),
                        new PaymentRejectedEvent(PAYMENT, ErrorCode.WALLET_FROZEN, "wallet is frozen"))
                .expectResultMessagePayload(outcome(PaymentStatus.REJECTED, ErrorCode.WALLET_FROZEN,
                        "wallet is frozen", NOW));
    }

    @Test
    void aRepeatedPushAnswersThePaymentAsItIsWithoutAskingTheWalletAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, HASH),
                        new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN))
                .when(push(HASH))
                .expectNoEvents()
                .expectResultMessagePayload(outcome(PaymentStatus.REQUESTED, null, null, null));
        assertThat(walletChecks.asked()).isEmpty();
    }

    @Test
    void anotherPushUnderTheSameKeyConflicts() {
        fixture.given(new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, HASH),
                        new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN))
                .when(push("hash-of-another-push"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
        assertThat(walletChecks.asked()).isEmpty();
    }
}
