package com.mizani.query.ops;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.query.ops.ActivityController.Activity;
import com.mizani.query.ops.OpsStatsController.BucketGroup;
import com.mizani.query.ops.OpsStatsController.Group;
import com.mizani.query.payment.PaymentViewRepository;
import com.mizani.query.support.Page;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.transfer.TransferViewRepository;
import com.mizani.query.wallet.WalletViewRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations lists and statistics read the transfer and payment views through their repositories, each view
 * on its own, and merge in Java what one SQL statement over both views used to answer. These tests keep that
 * statement as the oracle: on the same rows, with ties in the request time and ids that order differently signed
 * and unsigned, the answers are the same.
 */
@ExtendWith(ProjectionDatabase.class)
class OpsViewsTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final List<UUID> WALLETS = List.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
            UUID.fromString("f0000000-0000-0000-0000-00000000000b"), UUID.fromString("70000000-0000-0000-0000-00000000000c"));

    private final JdbcClient jdbc;
    private final ActivityController activity;
    private final OpsStatsController stats;
    private final ActivityRollup rollup;

    OpsViewsTest(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        TransferViewRepository transfers = new TransferViewRepository(template, jdbc);
        PaymentViewRepository payments = new PaymentViewRepository(template, jdbc);
        activity = new ActivityController(transfers, payments, new WalletViewRepository(template));
        rollup = new ActivityRollup(jdbc);
        stats = new OpsStatsController(transfers, payments, new PaymentQueues(payments), rollup);
    }

    /** Rows of both views at a handful of request times, so that many share one and only the id orders them. */
    @BeforeEach
    void rows() {
        Random random = new Random(20261121);
        for (int i = 0; i < 40; i++) {
            Instant at = START.plus(Duration.ofMinutes(37L * random.nextInt(6))).plusNanos(1_000L * random.nextInt(2));
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String currency = random.nextBoolean() ? "KES" : "UGX";
            long amount = 100 + random.nextInt(10_000);
            UUID wallet = WALLETS.get(random.nextInt(WALLETS.size()));
            if (i % 2 == 0) {
                TransferStatus status = TransferStatus.values()[random.nextInt(TransferStatus.values().length)];
                jdbc.sql("""
                                INSERT INTO transfer_view (transfer_id, source_wallet_id, destination_wallet_id,
                                                           amount_minor, currency, status, requested_at, finished_at,
                                                           version)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                        .params(id, wallet, WALLETS.get(random.nextInt(WALLETS.size())), amount, currency, status.name(),
                                at.atOffset(ZoneOffset.UTC), status.isTerminal() ? at.plusSeconds(1).atOffset(ZoneOffset.UTC) : null)
                        .update();
            } else {
                PaymentStatus status = PaymentStatus.values()[random.nextInt(PaymentStatus.values().length)];
                jdbc.sql("""
                                INSERT INTO payment_view (payment_id, kind, method, wallet_id, amount_minor, fee_minor,
                                                          currency, status, failure_code, requested_at, updated_at,
                                                          version)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3)""")
                        .params(id, random.nextBoolean() ? "DEPOSIT" : "WITHDRAWAL", "MPESA_B2C", wallet, amount, 15,
                                currency, status.name(), status == PaymentStatus.FAILED ? "2001" : null,
                                at.atOffset(ZoneOffset.UTC), at.plusSeconds(2).atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
    }

    @Test
    void activityPagesThroughBothViewsInTheOrderOfOneStatementOverBoth() {
        assertThat(allPages(null, null, null)).isEqualTo(oracleIds("TRUE", "TRUE"));
        UUID wallet = WALLETS.get(1);
        assertThat(allPages(null, null, wallet)).isEqualTo(oracleIds(
                "'" + wallet + "' IN (source_wallet_id, destination_wallet_id)", "wallet_id = '" + wallet + "'"));
        assertThat(allPages("WITHDRAWAL", null, null)).isEqualTo(oracleIds("FALSE", "kind = 'WITHDRAWAL'"));
        assertThat(allPages(null, "REJECTED", null)).isEqualTo(oracleIds("status = 'REJECTED'", "status = 'REJECTED'"));
        assertThat(allPages(null, "SETTLED", null)).isEqualTo(oracleIds("FALSE", "status = 'SETTLED'"));
    }

    @Test
    void statisticsAreTheGroupsOfOneStatementOverBoth() {
        assertStatsAreTheViewsGroups("hour");
        assertStatsAreTheViewsGroups("minute");
        assertStatsAreTheViewsGroups("day");
    }

    /** The hourly rollup follows every write of the views: status changes, deletions, a replay's truncation. */
    @Test
    void theHourlyRollupFollowsUpdatesDeletesCompactionAndTruncation() {
        jdbc.sql("UPDATE transfer_view SET status = 'COMPLETED' WHERE status = 'REQUESTED'").update();
        jdbc.sql("UPDATE payment_view SET status = 'SETTLED', amount_minor = amount_minor + 1 WHERE status = 'AMBIGUOUS'")
                .update();
        // An update that changes no group adds no delta.
        long before = rollup.rows();
        jdbc.sql("UPDATE transfer_view SET version = version + 1").update();
        assertThat(rollup.rows()).isEqualTo(before);
        jdbc.sql("DELETE FROM payment_view WHERE status = 'FAILED'").update();
        assertStatsAreTheViewsGroups("hour");

        rollup.compact();
        List<Long> rowsPerGroup = jdbc.sql("SELECT COUNT(*) FROM activity_hourly GROUP BY hour_start, type, status, currency")
                .query(Long.class).list();
        assertThat(rowsPerGroup).isNotEmpty().allMatch(rows -> rows == 1);
        assertStatsAreTheViewsGroups("hour");
        assertStatsAreTheViewsGroups("day");

        jdbc.sql("TRUNCATE transfer_view").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_hourly WHERE type = 'TRANSFER'").query(Long.class).single())
                .isZero();
        assertStatsAreTheViewsGroups("hour");
    }

    private void assertStatsAreTheViewsGroups(String bucket) {
        OpsStatsController.Stats answer = stats.stats("2026-03-01T08:00:00Z", "2026-03-01T12:00:00Z", bucket, 5);

        String activity = """
                (SELECT 'TRANSFER' AS type, status, currency, amount_minor, requested_at FROM transfer_view
                 UNION ALL
                 SELECT kind, status, currency, amount_minor, requested_at FROM payment_view) activity""";
        List<Group> totals = jdbc.sql("SELECT type, status, currency, COUNT(*) AS count, SUM(amount_minor) AS volume FROM "
                        + activity + " GROUP BY type, status, currency ORDER BY type, status, currency")
                .query((rs, row) -> new Group(rs.getString("type"), rs.getString("status"), rs.getString("currency"),
                        rs.getLong("count"), volume(rs)))
                .list();
        List<BucketGroup> series = jdbc.sql("SELECT date_bin('1 " + bucket + "', requested_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')"
                        + " AS bucket_start, type, status, currency, COUNT(*) AS count, SUM(amount_minor) AS volume FROM "
                        + activity + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .query((rs, row) -> new BucketGroup(rs.getTimestamp("bucket_start").toInstant(), rs.getString("type"),
                        rs.getString("status"), rs.getString("currency"), rs.getLong("count"),
                        volume(rs)))
                .list();
        assertThat(answer.totals()).as(bucket).isEqualTo(totals).hasSizeGreaterThan(3);
        assertThat(answer.series()).as(bucket).isEqualTo(series);
        assertThat(answer.seriesTruncated()).isFalse();
    }

    private static String volume(ResultSet rs) throws SQLException {
        return Money.format(rs.getLong("volume"), CurrencyCode.valueOf(rs.getString("currency")));
    }

    private List<UUID> allPages(String type, String status, UUID wallet) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<Activity> page = activity.activity(type, status, wallet, null, null, 7, cursor);
            page.items().forEach(item -> ids.add(item.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private List<UUID> oracleIds(String transferCondition, String paymentCondition) {
        return jdbc.sql("SELECT id FROM (SELECT transfer_id AS id, requested_at FROM transfer_view WHERE "
                        + transferCondition + " UNION ALL SELECT payment_id, requested_at FROM payment_view WHERE "
                        + paymentCondition + ") activity ORDER BY requested_at DESC, id DESC")
                .query(UUID.class)
                .list();
    }
}
