package com.mizani.app.ratelimit;

import com.mizani.app.ratelimit.RateLimitProperties.Limit;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets kept in PostgreSQL by Bucket4j, so that a limit holds across nodes. Each node counts locally and
 * settles with the shared bucket every {@code syncMs} or every tenth of a bucket, whichever comes first (Bucket4j's
 * "delaying" optimization): one round trip per period instead of one per request.
 */
public class RateLimiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final int BUCKETS_KEPT = 50_000;

    /** What a request got: whether it may go on, how many tokens are left, and how long until the next one. */
    public record Verdict(boolean allowed, Limit limit, long remaining, long nanosToNextToken) {
    }

    private final HikariDataSource pool;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Duration syncPeriod;
    private final Map<String, Bucket> local = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > BUCKETS_KEPT;
        }
    });

    public RateLimiter(HikariDataSource pool, Duration syncPeriod) {
        this.pool = pool;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.syncPeriod = syncPeriod;
    }

    /** Takes {@code tokens} from the bucket, all or none: more than its burst never fits. */
    public Verdict consume(String key, Limit limit, long tokens) {
        Bucket bucket = local.computeIfAbsent(key + "|" + limit.perSecond() + "/" + limit.burst(), k -> bucket(key, limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        return new Verdict(probe.isConsumed(), limit, probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(String key, Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
                .build();
        long unsynchronized = Math.max(1, limit.burst() / 10);
        return buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, syncPeriod)))
                .build(key, () -> configuration);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Buckets of principals gone quiet are full again and need no row. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void removeExpired() {
        try {
            while (buckets.removeExpired(1_000) == 1_000) {
                log.debug("removed a batch of expired rate-limit buckets");
            }
        } catch (RuntimeException failure) {
            log.warn("could not remove expired rate-limit buckets: {}", failure.getMessage());
        }
    }
}
