package com.mizani.app.payment;

import com.mizani.command.payment.PayoutBacklog;
import com.mizani.query.payment.PaymentViewRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The payouts accepted and not yet sent to the provider, counted in the payments' read model: the RESERVED rows of
 * {@code payment_view}. Counted from durable state, the backlog is the same on every node on one PostgreSQL and holds
 * across restarts. It trails the commands by the projection's lag (a few milliseconds, or a replay's length), and a
 * count is kept for {@link #FRESH_FOR} so that a burst of payouts does not count once each: the bound holds to within
 * the payouts accepted, on every node, in that time.
 *
 * <p>Also the gauge {@code mizani.payouts.unsent} on {@code /actuator/prometheus}, read the same way.
 */
@Component
public class UnsentPayouts implements PayoutBacklog {

    /** How long one count answers for: long enough that a burst shares it, short against the backlog's changes. */
    static final Duration FRESH_FOR = Duration.ofMillis(200);
    /** The longest Retry-After given: an estimate beyond it says more about a stuck payout than about the backlog. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(UnsentPayouts.class);

    private final PaymentViewRepository payments;
    private final long bound;
    private final Clock clock;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile Count last;

    public UnsentPayouts(PaymentViewRepository payments, PaymentProperties properties, MeterRegistry meters) {
        this.payments = payments;
        this.bound = properties.maxUnsentPayouts();
        this.clock = Clock.systemUTC();
        Gauge.builder("mizani.payouts.unsent", this, UnsentPayouts::gauged)
                .description("payouts accepted and not yet sent to the provider (RESERVED), as the payments view holds "
                        + "them; at mizani.payments.max-unsent-payouts new payouts are refused")
                .register(meters);
    }

    @Override
    public Optional<Full> full() {
        PaymentViewRepository.UnsentPayouts unsent = current();
        if (unsent.count() < bound) {
            return Optional.empty();
        }
        Duration waited = unsent.oldestRequestedAt() == null ? Duration.ZERO
                : Duration.between(unsent.oldestRequestedAt(), clock.instant());
        return Optional.of(new Full(unsent.count(), bound, retryAfter(unsent.count(), bound, waited)));
    }

    /**
     * How long until the backlog is below its bound again, at the rate it is sent: under back-pressure as many payouts
     * are accepted as are sent, so by Little's law that rate is the backlog over the time its oldest payout has
     * waited. An estimate, at most {@link #LONGEST_WAIT}; the answer rounds it up to whole seconds, at least one.
     *
     * @param waited how long the oldest payout of the backlog has waited
     */
    static Duration retryAfter(long unsent, long bound, Duration waited) {
        long over = unsent - bound + 1;
        if (over <= 0 || waited.isNegative() || waited.isZero()) {
            return Duration.ZERO;
        }
        // over / (unsent / waited), in milliseconds; unsent >= over > 0.
        double millis = (double) over * waited.toMillis() / unsent;
        return millis >= LONGEST_WAIT.toMillis() ? LONGEST_WAIT : Duration.ofMillis((long) Math.ceil(millis));
    }

    /** The last count if it is fresh; otherwise one caller counts again while the others of the burst wait for it. */
    private PaymentViewRepository.UnsentPayouts current() {
        Count known = last;
        if (known != null && known.isFresh()) {
            return known.unsent();
        }
        counting.lock();
        try {
            known = last;
            if (known != null && known.isFresh()) {
                return known.unsent();
            }
            Count counted = new Count(payments.unsentPayouts(), System.nanoTime());
            last = counted;
            return counted.unsent();
        } finally {
            counting.unlock();
        }
    }

    /** A scrape while the database is away shows no value (NaN), rather than failing the whole scrape. */
    private double gauged() {
        try {
            return current().count();
        } catch (DataAccessException unavailable) {
            log.debug("unsent payouts not counted: {}", unavailable.getMessage());
            return Double.NaN;
        }
    }

    private record Count(PaymentViewRepository.UnsentPayouts unsent, long countedAtNanos) {

        boolean isFresh() {
            return System.nanoTime() - countedAtNanos < FRESH_FOR.toNanos();
        }
    }
}
