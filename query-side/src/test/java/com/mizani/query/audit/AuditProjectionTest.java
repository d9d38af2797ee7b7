package com.mizani.query.audit;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.audit.AuditMetadata;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusQueriedEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderCallbackRefusedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.query.ledger.EventPositions;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.Replays.assertReplaysChangeNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The MongoDB audit views from events alone, against the same MongoDB-wire server the application embeds: each
 * lifecycle in one document with its wallet legs, every wallet event, every refused callback.
 */
@ExtendWith(ProjectionDatabase.class)
class AuditProjectionTest {

    private static final Money AMOUNT = Money.of(5_000, CurrencyCode.KES);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final ProjectionRunner runner;

    AuditProjectionTest(DataSource dataSource) {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "audit-projection-test");
        // The events are in no event store: each keeps the position its token gives it.
        AuditWriter writer = new AuditWriter(mongo, new EventPositions(new JdbcTemplate(dataSource)));
        runner = new ProjectionRunner(new AuditProjection(writer), dataSource);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachLifecycleIsOneDocumentWithItsWalletLegsAndEveryWalletEventIsKept() {
        History history = new History();
        runner.deliver(history.events.subList(0, 5));
        runner.deliver(history.events.subList(5, history.events.size()));

        AuditReader reader = new AuditReader(mongo);
        LifecycleAudit transfer = reader.lifecycle(AuditCollections.TRANSFERS, history.transfer);
        assertThat(transfer.status()).isEqualTo("COMPLETED");
        assertThat(transfer.entries()).extracting(AuditEntry::type)
                .containsExactly("TransferRequested", "WalletDebited", "WalletCredited", "TransferCompleted");
        assertThat(transfer.entries()).extracting(AuditEntry::position).isSorted();

        // A status query leaves the payment's status as it was; the confirmation settles it.
        LifecycleAudit payment = reader.lifecycle(AuditCollections.PAYMENTS, history.payment);
        assertThat(payment.status()).isEqualTo("SETTLED");
        assertThat(payment.entries()).extracting(AuditEntry::type).containsExactly("WithdrawalRequested",
                "PaymentSubmitted", "PaymentStatusQueried", "PaymentConfirmed");

        LifecycleAudit adjustment = reader.lifecycle(AuditCollections.ADJUSTMENTS, history.adjustment);
        assertThat(adjustment.status()).isEqualTo("APPROVED");
        assertThat(adjustment.entries()).extracting(AuditEntry::actor).containsOnly(AuditEntry.UNKNOWN_ACTOR);

        assertThat(reader.walletEvents(history.source, 10, null).items())
                .extracting(WalletAuditEntry::walletSequence, entry -> entry.event().type())
                .containsExactly(tuple(0L, "WalletOpened"), tuple(1L, "WalletDebited"));
        assertThat(reader.refusedCallbacks(10, null).items()).extracting(AuditEntry::type)
                .containsExactly("ProviderCallbackRefused");
    }

    /**
     * An incident's events join the payment's record with their actors and readable details (the evidence, the
     * correction and the history as nested fields, numbers masked), and the correction's wallet events, whose
     * transaction is the payment, join it as legs. The payment's status stays the one it had.
     */
    @Test
    void anIncidentAndItsCorrectionsLegsAreInThePaymentsRecord() {
        UUID wallet = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        Correction correction = new Correction(CorrectionAction.BOOK_RECEIVABLE, wallet, AMOUNT);
        runner.deliver(List.of(
                runner.event("Payment", payment, new WithdrawalRequestedEvent(payment, wallet, AMOUNT,
                        Money.of(1_500, CurrencyCode.KES), new Msisdn("254708374149"), "h1")),
                runner.event("Payment", payment, new PaymentFailedEvent(payment, "2001", "declined", Evidence.CALLBACK))));
        runner.deliver(List.of(
                acting("system", runner.event("Payment", payment, new PaymentContradictedEvent(payment, incident,
                        ContradictionKind.PAID_AFTER_FAILED, new ProviderResult(Evidence.STATUS_QUERY,
                        ProviderResult.Outcome.PAID, "0", "Completed", "TKL9", 5_000L, "254708374149", "AG_1"),
                        PaymentStatus.FAILED, 0, 5_000, List.of(new PaymentHistoryLine(
                        Instant.parse("2026-03-01T07:00:00Z"), "PaymentRequested", "payout to 254708374149 requested"))))),
                acting("user:jane", runner.event("Payment", payment, new IncidentCorrectionProposedEvent(payment,
                        incident, proposal, correction, "the customer owes it", "user:jane"))),
                acting("user:amina", runner.event("Wallet", wallet, new WalletCreditedEvent(wallet, payment, AMOUNT,
                        PostingKind.CORRECTION, SystemAccounts.receivable(CurrencyCode.KES), 5_000, 0))),
                acting("user:amina", runner.event("Wallet", wallet, new WalletDebitedEvent(wallet, payment, AMOUNT,
                        PostingKind.CORRECTION, SystemAccounts.providerSettlement("mpesa", CurrencyCode.KES), 0, 0))),
                acting("user:amina", runner.event("Payment", payment, new IncidentResolvedEvent(payment, incident,
                        proposal, correction, "user:jane", "user:amina", "call 254708374149 first")))));

        LifecycleAudit record = new AuditReader(mongo).lifecycle(AuditCollections.PAYMENTS, payment);
        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.entries()).extracting(AuditEntry::type, AuditEntry::actor).containsExactly(
                tuple("WithdrawalRequested", AuditEntry.UNKNOWN_ACTOR), tuple("PaymentFailed", AuditEntry.UNKNOWN_ACTOR),
                tuple("PaymentContradicted", "system"), tuple("IncidentCorrectionProposed", "user:jane"),
                tuple("WalletCredited", "user:amina"), tuple("WalletDebited", "user:amina"),
                tuple("IncidentResolved", "user:amina"));

        Map<String, Object> contradicted = record.entries().get(2).details();
        assertThat(contradicted).containsEntry("incidentId", incident.toString())
                .containsEntry("kind", "PAID_AFTER_FAILED").containsEntry("claimedMinor", 5_000L);
        assertThat(contradicted.get("evidence")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("evidence", "STATUS_QUERY").containsEntry("outcome", "PAID")
                .containsEntry("receipt", "TKL9").containsEntry("msisdn", "2547*****149");
        assertThat(contradicted.get("history")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement(InstanceOfAssertFactories.MAP)
                .containsExactlyInAnyOrderEntriesOf(Map.of("at", "2026-03-01T07:00:00Z", "event", "PaymentRequested",
                        "detail", "payout to 2547*****149 requested"));
        Map<String, Object> resolved = record.entries().getLast().details();
        assertThat(resolved.get("correction")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("action", "BOOK_RECEIVABLE").containsEntry("walletId", wallet.toString())
                .extractingByKey("amount", InstanceOfAssertFactories.MAP)
                .containsExactlyInAnyOrderEntriesOf(Map.of("amount", "50.00", "currency", "KES"));
        assertThat(resolved).containsEntry("approvedBy", "user:amina").containsEntry("note", "call 2547*****149 first");
        assertThat(record.entries().get(4).details()).containsEntry("kind", "CORRECTION")
                .containsEntry("contraAccount", "receivable:KES");
    }

    private static EventMessage<?> acting(String actor, EventMessage<?> event) {
        return event.andMetaData(Map.of(AuditMetadata.ACTOR, actor));
    }

    /** Every event twice, and a reset then a replay one by one, give the same documents as the first delivery. */
    @Test
    void replayingTheEventsGivesTheSameDocuments() {
        History history = new History();
        runner.deliver(history.events.subList(0, 7));
        runner.deliver(history.events.subList(7, history.events.size()));
        assertThat(collections().get(AuditCollections.WALLET_EVENTS)).hasSize(3);

        assertReplaysChangeNothing(runner, history.events, this::collections);
    }

    /** A transfer between two wallets, a payout, an adjustment and a refused callback, interleaved. */
    private final class History {
        final UUID source = UUID.randomUUID();
        final UUID destination = UUID.randomUUID();
        final UUID transfer = UUID.randomUUID();
        final UUID payment = UUID.randomUUID();
        final UUID adjustment = UUID.randomUUID();
        final List<EventMessage<?>> events = List.of(
                runner.event("Wallet", source, new WalletOpenedEvent(source, UUID.randomUUID(), CurrencyCode.KES, "h1")),
                runner.event("Transfer", transfer, new TransferRequestedEvent(transfer, source, destination, AMOUNT, "h2")),
                runner.event("Payment", payment, new WithdrawalRequestedEvent(payment, source, AMOUNT,
                        Money.of(1_500, CurrencyCode.KES), new Msisdn("254708374149"), "h3")),
                runner.event("Wallet", source, new WalletDebitedEvent(source, transfer, AMOUNT, PostingKind.TRANSFER_OUT,
                        "wallet:" + destination, 0, 0)),
                runner.event("Adjustment", adjustment, new AdjustmentProposedEvent(adjustment, destination, AMOUNT,
                        Direction.CREDIT, "ticket 7", "ops.jane", "h4")),
                runner.event("Wallet", destination, new WalletCreditedEvent(destination, transfer, AMOUNT,
                        PostingKind.TRANSFER_IN, "wallet:" + source, 5_000, 0)),
                runner.event("Payment", payment, new PaymentSubmittedEvent(payment, "AG_1")),
                runner.event("Transfer", transfer, new TransferCompletedEvent(transfer)),
                runner.event("Payment", payment, new PaymentStatusQueriedEvent(payment, 1, true)),
                runner.event("Callback", UUID.randomUUID(), new ProviderCallbackRefusedEvent("/providers/mpesa/b2c/result",
                        "10.0.0.9", "signature does not match", "ab".repeat(32), 120)),
                runner.event("Adjustment", adjustment, new AdjustmentApprovedEvent(adjustment, destination, AMOUNT,
                        Direction.CREDIT, "ops.jane", "ops.amina", null)),
                runner.event("Payment", payment, new PaymentConfirmedEvent(payment, "TKQ2", Evidence.CALLBACK)));
    }

    private Map<String, List<Document>> collections() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : AuditCollections.ALL) {
            documents.put(collection, mongo.find(new Query().with(Sort.by("_id")),
                    Document.class, collection));
        }
        return documents;
    }
}
