package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Instants;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range of the statistics, widened to whole buckets: {@code from} inclusive, {@code to} exclusive. Without
 * parameters, the last 24 hours by hour.
 */
public record StatsWindow(Instant from, Instant to, Bucket bucket, long buckets) {

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    /** A day by the minute; a longer range needs a wider bucket. */
    static final long MAX_BUCKETS = 1440;

    static StatsWindow of(String fromText, String toText, String bucketText, Instant now) {
        Bucket bucket = bucketText == null ? Bucket.HOUR : Bucket.parse(bucketText);
        Instant to = toText == null ? now : Instants.parse("to", toText);
        Instant from = fromText == null ? to.minus(DEFAULT_RANGE) : Instants.parse("from", fromText);
        if (!from.isBefore(to)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        Instant start = bucket.floor(from);
        Instant end = bucket.ceiling(to);
        long buckets = Duration.between(start, end).dividedBy(bucket.width());
        if (buckets > MAX_BUCKETS) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from and to span " + buckets + " " + bucket
                    + " buckets; at most " + MAX_BUCKETS + ": shorten the range or widen the bucket");
        }
        return new StatsWindow(start, end, bucket, buckets);
    }
}
