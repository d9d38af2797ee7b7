package com.mizani.app.webhook;

import com.mizani.app.support.PublicEventSchema;
import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItemRef;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollJobApprovedEvent;
import com.mizani.kernel.payroll.PayrollJobCancelledEvent;
import com.mizani.kernel.payroll.PayrollJobCompletedEvent;
import com.mizani.kernel.payroll.PayrollJobCreatedEvent;
import com.mizani.kernel.payroll.PayrollJobRejectedEvent;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.ReservationReleasedEvent;
import com.mizani.kernel.wallet.ReservedPartReleasedEvent;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import com.mizani.kernel.webhook.WebhookEndpointDisabledEvent;
import com.mizani.outbound.event.PublicEvent;
import com.mizani.outbound.event.PublicEventType;
import com.mizani.outbound.event.PublicEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public event catalogue against its published schema (docs/events.md): an internal event of every kind
 * that is published, mapped as the webhooks and the Kafka stream map it, must validate, and together they must make
 * every public type. The schema allows no field it does not list, so a field added in the code without the schema
 * fails here. Phone numbers leave masked, and nothing of Mizani's classes leaves at all.
 */
class PublicEventCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Money KES_100 = Money.of(10_000, CurrencyCode.KES);
    private static final Money KES_15 = Money.of(1_500, CurrencyCode.KES);
    private static final String PHONE = "254708374149";
    private static final UUID ID = UUID.fromString("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b");

    @Test
    void everyPublishedEventValidatesAgainstTheSchemaAndTogetherTheyMakeEveryType() {
        Set<PublicEventType> made = EnumSet.noneOf(PublicEventType.class);
        List<String> violations = new ArrayList<>();
        for (Object internal : samples()) {
            List<PublicEvent> published = PublicEvents.of(internal, UUID.randomUUID().toString(), Instant.now(), 42);
            assertThat(published).as("%s is published", internal.getClass().getSimpleName()).isNotEmpty();
            for (PublicEvent event : published) {
                made.add(event.eventType());
                String json = JSON.writeValueAsString(event);
                PublicEventSchema.violations(json).forEach(violation -> violations.add(event.type() + ": " + violation));
                assertThat(json).as("no phone number in clear").doesNotContain(PHONE);
                assertThat(json).as("no internal class").doesNotContain("com.mizani").doesNotContain("Event\"");
            }
        }
        made.add(PublicEvents.ping(UUID.randomUUID(), ID, Instant.now()).eventType());
        PublicEventSchema.violations(JSON.writeValueAsString(PublicEvents.ping(UUID.randomUUID(), ID, Instant.now())))
                .forEach(violations::add);
        assertThat(violations).isEmpty();
        assertThat(made).containsExactlyInAnyOrder(PublicEventType.values());
    }

    @Test
    void theSchemaRefusesWhatTheCatalogueDoesNotSay() {
        String credited = JSON.writeValueAsString(PublicEvents.of(new WalletCreditedEvent(ID, ID, KES_100,
                PostingKind.DEPOSIT, "provider:mpesa:settlement:KES", 10_000, 0, null), "e-1", Instant.now(), 7).getFirst());
        assertThat(PublicEventSchema.violations(credited)).isEmpty();
        assertThat(PublicEventSchema.violations(credited.replace("\"kind\"", "\"internalKind\""))).isNotEmpty();
        assertThat(PublicEventSchema.violations(credited.replace("\"10000\"", "10000").replace("\"100.00\"", "100.0")))
                .as("amounts are decimal strings").isNotEmpty();
        assertThat(PublicEventSchema.violations(credited.replace("\"position\":7", "\"position\":null")))
                .as("only a ping has no position").isNotEmpty();
        assertThat(PublicEventSchema.violations(credited.replace("wallet.credited", "wallet.creditted"))).isNotEmpty();
    }

    @Test
    void theEventsPageNamesEveryTypeAndTheSchema() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(page).contains("## The schema").contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        List<String> missing = Arrays.stream(PublicEventType.values()).map(PublicEventType::wireName)
                .filter(type -> !page.contains("`" + type + "`")).toList();
        assertThat(missing).as("types docs/events.md does not describe").isEmpty();
    }

    @Test
    void internalConversationsAreNotPublished() {
        assertThat(PublicEvents.of(new PayrollPayoutFinishedEvent(ID, 3, ID, PayrollItemStatus.COMPLETED, "R1", null,
                "0", "paid"), "e-2", Instant.now(), 9)).as("a paid item is in payroll.completed's counts").isEmpty();
        assertThat(PublicEvents.of("not an event", "e-3", Instant.now(), 9)).isEmpty();
    }

    private static List<Object> samples() {
        FxTerms terms = new FxTerms(KES_100, Money.of(100, CurrencyCode.KES), Money.of(76, CurrencyCode.USD),
                "0.00770000", 50);
        return List.of(
                new WalletOpenedEvent(ID, ID, CurrencyCode.KES, "hash"),
                new WalletCreditedEvent(ID, ID, KES_100, PostingKind.TRANSFER_IN, "transit:KES", 10_000, 0, null),
                new WalletDebitedEvent(ID, ID, KES_100, PostingKind.FX, "fx:liquidity:KES", 0, 0,
                        new FxLeg(ID, "0.00770000")),
                new FundsReservedEvent(ID, ID, KES_100, 0, 10_000),
                new ReservationReleasedEvent(ID, ID, KES_100, 10_000, 0),
                new ReservedPartReleasedEvent(ID, ID, KES_15, 8_500, 1_500, 8_500),
                new ReservationCapturedEvent(ID, ID),
                new WalletFrozenEvent(ID), new WalletUnfrozenEvent(ID), new WalletClosedEvent(ID),
                new TransferRequestedEvent(ID, ID, UUID.randomUUID(), KES_100, "hash", null),
                new TransferCompletedEvent(ID),
                new TransferFailedEvent(ID, ErrorCode.WALLET_FROZEN, "the destination is frozen"),
                new TransferRejectedEvent(ID, ErrorCode.INSUFFICIENT_FUNDS, "available 0.00"),
                new DepositRequestedEvent(ID, ID, KES_100, PaymentMethod.CASH, "hash"),
                new MobileDepositRequestedEvent(ID, ID, KES_100, Msisdn.parse(PHONE), "hash"),
                new C2bPaymentReceivedEvent(ID, "RKTQDM7W6S", "ACC-1", ID, KES_100, PHONE),
                new WithdrawalReservedEvent(ID, ID, KES_100, KES_15, Msisdn.parse(PHONE), new PayrollItemRef(ID, 4)),
                new PaymentSubmittedEvent(ID, "AG_20191219_00004e48cf7e3533f581"),
                new PaymentAmbiguousEvent(ID, "no answer within 1500 ms"),
                new PaymentConfirmedEvent(ID, "RKTQDM7W6S", Evidence.CALLBACK),
                new PaymentSettledEvent(ID),
                new PaymentFailedEvent(ID, "2001", "The initiator information is invalid for " + PHONE, Evidence.CALLBACK),
                new PaymentRejectedEvent(ID, ErrorCode.INSUFFICIENT_FUNDS, "available 0.00"),
                new PaymentReviewRequiredEvent(ID, "no definitive answer after 4 status queries"),
                new PaymentReviewResolvedEvent(ID, true, "statement shows it", "user:ops", ID),
                new PayrollJobCreatedEvent(ID, ID, "November", 2, KES_100, "client:hr", "hash", KES_15, KES_15),
                new PayrollJobApprovedEvent(ID, "client:approver", KES_100),
                new PayrollJobRejectedEvent(ID, "client:approver", "wrong month"),
                new PayrollJobCancelledEvent(ID, "client:hr", 1, KES_15),
                new PayrollJobCompletedEvent(ID, PayrollJobStatus.COMPLETED_WITH_FAILURES, 1, 1, KES_15),
                new PayrollBatchPaidEvent(ID, 0, 2, List.of(
                        new PayrollItemResult(0, ID, PayrollItemStatus.COMPLETED, null, null),
                        new PayrollItemResult(1, ID, PayrollItemStatus.FAILED, ErrorCode.WALLET_FROZEN, null))),
                new PayrollPayoutFinishedEvent(ID, 3, ID, PayrollItemStatus.FAILED, null, ErrorCode.PAYOUT_FAILED,
                        "2001", "refused"),
                new FxQuoteIssuedEvent(ID, "client:svc", terms, Instant.now(), "simulated", Instant.now(), "hash"),
                new FxQuoteUsedEvent(ID, ID, "client:svc"),
                new FxQuoteExpiredEvent(ID),
                new AdjustmentProposedEvent(ID, ID, KES_100, Direction.CREDIT, "refund", "user:maker", "hash"),
                new AdjustmentApprovedEvent(ID, ID, KES_100, Direction.CREDIT, "user:maker", "user:checker", "refund"),
                new AdjustmentRejectedEvent(ID, "user:maker", "user:checker", "not owed"),
                new AdjustmentFailedEvent(ID, ID, "user:maker", "user:checker", ErrorCode.INSUFFICIENT_FUNDS, "short"),
                new WebhookEndpointDisabledEvent(ID, "client:svc", "every attempt failed", Instant.now()));
    }
}
