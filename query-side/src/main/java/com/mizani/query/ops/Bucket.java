package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of the statistics' time buckets; buckets start at whole UTC minutes, hours or days. */
public enum Bucket {
    MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Bucket(ChronoUnit unit) {
        this.unit = unit;
    }

    Duration width() {
        return unit.getDuration();
    }

    /** The start of the bucket holding {@code at}. */
    Instant floor(Instant at) {
        return at.truncatedTo(unit);
    }

    /** The first bucket start at or after {@code at}. */
    Instant ceiling(Instant at) {
        Instant floor = floor(at);
        return floor.equals(at) ? at : floor.plus(width());
    }

    /** The width as a PostgreSQL interval, for {@code date_bin}. */
    String interval() {
        return "1 " + unit.name().toLowerCase(Locale.ROOT).replaceAll("s$", "");
    }

    static Bucket parse(String bucket) {
        for (Bucket candidate : values()) {
            if (candidate.name().equalsIgnoreCase(bucket)) {
                return candidate;
            }
        }
        throw new MizaniException(ErrorCode.VALIDATION_FAILED, "bucket must be one of minute, hour, day");
    }
}
