package com.mizani.app.payment;

import com.mizani.query.incident.IncidentViewRepository;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The incidents on {@code /actuator/prometheus}, read from the incident view at each scrape, so they hold on every
 * node and across restarts without state of their own: {@code mizani.payment.contradictions} counts the contradictions
 * of final payments the view holds, {@code mizani.incidents.open} the incidents not resolved yet. While the
 * {@code incidents} projection is replayed the view refills from empty, so the counter drops and climbs back (a
 * counter reset, to Prometheus).
 */
@Component
public class IncidentMeters {

    private static final Logger log = LoggerFactory.getLogger(IncidentMeters.class);

    public IncidentMeters(IncidentViewRepository incidents, MeterRegistry meters) {
        FunctionCounter.builder("mizani.payment.contradictions", incidents,
                        counted(IncidentViewRepository::countContradictions))
                .description("definitive provider messages that contradicted a final payment, as the incident view holds them")
                .register(meters);
        Gauge.builder("mizani.incidents.open", incidents, counted(IncidentViewRepository::countOpen))
                .description("incidents of contradicted payments not resolved yet")
                .register(meters);
    }

    /**
     * A scrape while the database is away answers "no value" (NaN) for these meters rather than failing the whole
     * scrape, which would hide every other meter too.
     */
    private static ToDoubleFunction<IncidentViewRepository> counted(
            ToLongFunction<IncidentViewRepository> count) {
        return incidents -> {
            try {
                return count.applyAsLong(incidents);
            } catch (DataAccessException unavailable) {
                log.debug("incident meters not read: {}", unavailable.getMessage());
                return Double.NaN;
            }
        };
    }
}
