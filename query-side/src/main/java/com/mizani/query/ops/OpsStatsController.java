package com.mizani.query.ops;

import com.mizani.query.payment.PaymentProjection;
import com.mizani.query.transfer.TransferProjection;
import com.mizani.query.ledger.LedgerProjection;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.payment.PaymentViewRepository;
import com.mizani.query.support.Volume;
import com.mizani.query.transfer.TransferViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Operations statistics from the transfer and payment views: counts and volumes by type, status and currency over
 * time buckets (by when each was requested, in its status now), the queues of payments waiting on the provider or
 * an operator, and failed payouts.
 */
@RestController
@Tag(name = "Operations")
public class OpsStatsController {

    static final int DEFAULT_ITEMS = 10;
    static final int MAX_ITEMS = 100;
    /** Far above what 1440 buckets of three types, a few statuses and currencies give; it only guards the response. */
    static final int MAX_SERIES_ROWS = 20_000;

    /** The order of the totals, and of each bucket's groups in the series. */
    private static final Comparator<Volume> BY_GROUP = Comparator.comparing(Volume::type)
            .thenComparing(Volume::status)
            .thenComparing(volume -> volume.currency().name());

    private final TransferViewRepository transfers;
    private final PaymentViewRepository payments;
    private final PaymentQueues queues;
    private final ActivityRollup rollup;
    private final Clock clock = Clock.systemUTC();

    public OpsStatsController(TransferViewRepository transfers, PaymentViewRepository payments, PaymentQueues queues,
                              ActivityRollup rollup) {
        this.transfers = transfers;
        this.payments = payments;
        this.queues = queues;
        this.rollup = rollup;
    }

    /** @param volume the sum of the amounts (fees excluded), in major units */
    public record Group(String type, String status, String currency, long count, String volume) {
    }

    public record BucketGroup(Instant bucketStart, String type, String status, String currency, long count,
                              String volume) {
    }

    /** Waiting payments are counted whenever they were requested; the window does not apply to them. */
    public record Queues(PaymentQueues.Queue ambiguous, PaymentQueues.Queue manualReview) {
    }

    /**
     * @param series          only the buckets and groups that had activity, oldest bucket first
     * @param seriesTruncated true when the series was cut at its bound (the totals never are)
     */
    public record Stats(Instant from, Instant to, Bucket bucket, long buckets, List<Group> totals,
                        List<BucketGroup> series, boolean seriesTruncated, Queues queues,
                        PaymentQueues.FailedPayouts failedPayouts, Instant generatedAt) {
    }

    /**
     * @param from  start of the window (ISO-8601), widened to its bucket's start; default: 24 hours before {@code to}
     * @param to    end of the window (ISO-8601, exclusive), widened to a bucket's end; default: now
     * @param items how many waiting and failed payments to list, 1 to 100
     */
    @Operation(operationId = "getOpsStats", summary = "Get operations statistics",
            description = "Counts and volumes (amounts, fees excluded) of transfers and payments by type, status and "
                    + "currency, over the window and per time bucket (placed by when each was requested, in the "
                    + "status it has now; only buckets with activity are listed); the queues of payments AMBIGUOUS or "
                    + "in MANUAL_REVIEW now, however old, with their oldest; and the payouts that FAILED in the "
                    + "window. The window [from, to) defaults to the last 24 hours and is widened to whole UTC "
                    + "buckets, at most " + StatsWindow.MAX_BUCKETS + " of them. For operators, approvers and "
                    + "auditors; read from the read models.")
    @ReadsProjections({LedgerProjection.PROCESSING_GROUP, TransferProjection.PROCESSING_GROUP, PaymentProjection.PROCESSING_GROUP})
    @GetMapping("/api/v1/ops/stats")
    public Stats stats(@Parameter(description = "Start of the window (ISO-8601, years 1 to 9999), widened to its "
                               + "bucket's start; 24 hours before to when absent.", schema = @Schema(type = "string",
                               format = "date-time"))
                       @RequestParam(required = false) String from,
                       @Parameter(description = "End of the window, excluded (ISO-8601, years 1 to 9999), widened to "
                               + "a bucket's end; now when absent.", schema = @Schema(type = "string",
                               format = "date-time"))
                       @RequestParam(required = false) String to,
                       @Parameter(description = "The width of the time buckets (upper case is accepted too).",
                               schema = @Schema(type = "string", allowableValues = {"minute", "hour", "day"},
                                       defaultValue = "hour"))
                       @RequestParam(required = false) String bucket,
                       @Parameter(description = "How many waiting and failed payments to list in each queue.",
                               schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                       maximum = "" + MAX_ITEMS, defaultValue = "" + DEFAULT_ITEMS))
                       @RequestParam(required = false) Integer items) {
        Instant now = clock.instant();
        StatsWindow window = StatsWindow.of(from, to, bucket, now);
        int listed = checkedItems(items);
        List<Volume> buckets = seriesVolumes(window);
        boolean truncated = buckets.size() > MAX_SERIES_ROWS;
        List<BucketGroup> series = buckets.stream().limit(MAX_SERIES_ROWS)
                .map(group -> new BucketGroup(group.bucketStart(), group.type(), group.status(),
                        group.currency().name(), group.count(), volume(group)))
                .toList();
        // The series holds every group of every bucket unless it was cut: then its sums are the totals, and the
        // window is not aggregated a second time.
        List<Volume> totals = truncated ? totalVolumes(window) : sums(buckets);
        return new Stats(window.from(), window.to(), window.bucket(), window.buckets(), groups(totals), series, truncated,
                new Queues(queues.waiting(PaymentStatus.AMBIGUOUS, listed, now),
                        queues.waiting(PaymentStatus.MANUAL_REVIEW, listed, now)),
                queues.failedPayouts(window.from(), window.to(), listed, now), now);
    }

    /** Transfers and payments requested in the window, by type, status and currency. */
    private List<Volume> totalVolumes(StatsWindow window) {
        if (window.bucket() != Bucket.MINUTE) {
            return rollup.totals(window.from(), window.to());
        }
        return Stream.concat(transfers.volumes(window.from(), window.to()).stream(),
                payments.volumes(window.from(), window.to()).stream()).toList();
    }

    /** The buckets' groups summed over the whole window, by type, status and currency. */
    private static List<Volume> sums(List<Volume> buckets) {
        Map<List<String>, Volume> sums = new LinkedHashMap<>();
        for (Volume group : buckets) {
            sums.merge(List.of(group.type(), group.status(), group.currency().name()),
                    new Volume(null, group.type(), group.status(), group.currency(), group.count(), group.amountMinor()),
                    (sum, more) -> new Volume(null, sum.type(), sum.status(), sum.currency(), sum.count() + more.count(),
                            sum.amountMinor() + more.amountMinor()));
        }
        return List.copyOf(sums.values());
    }

    private static List<Group> groups(List<Volume> totals) {
        return totals.stream()
                .sorted(BY_GROUP)
                .map(total -> new Group(total.type(), total.status(), total.currency().name(), total.count(),
                        volume(total)))
                .toList();
    }

    /** The groups of every bucket, oldest first, one more than the series holds when there are more. */
    private List<Volume> seriesVolumes(StatsWindow window) {
        String bucket = window.bucket().interval();
        if (window.bucket() != Bucket.MINUTE) {
            // Whole hours: the hourly rollup has them, already summed.
            return rollup.byBucket(bucket, window.from(), window.to(), MAX_SERIES_ROWS + 1);
        }
        return Stream.concat(
                        transfers.volumesByBucket(bucket, window.from(), window.to(), MAX_SERIES_ROWS + 1).stream(),
                        payments.volumesByBucket(bucket, window.from(), window.to(), MAX_SERIES_ROWS + 1).stream())
                .sorted(Comparator.comparing(Volume::bucketStart).thenComparing(BY_GROUP))
                .limit(MAX_SERIES_ROWS + 1)
                .toList();
    }

    private static String volume(Volume volume) {
        return Money.format(volume.amountMinor(), volume.currency());
    }

    private static int checkedItems(Integer items) {
        if (items == null) {
            return DEFAULT_ITEMS;
        }
        if (items < 1 || items > MAX_ITEMS) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "items must be between 1 and " + MAX_ITEMS);
        }
        return items;
    }
}
