package com.mizani.app.console.ops;

import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * The operations console's overview: the last 24 hours by hour, counts by status and currency, the invariant
 * watchdog's last result (zero-sum per currency among it), and reconciliation with the provider. Each panel is read
 * through the API with the person's token; a panel its role may not read says so, and the rest still show.
 */
@Controller
@ConditionalOnConsole
class OpsPages {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int CHARTED_CURRENCIES = 3;
    private static final int MAX_HOURS = 48;
    private static final int ACTIVITY_PAGE = 50;

    private final ConsoleApi api;

    OpsPages(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/ops")
    String overview(Model model) {
        Panel stats = Panel.read(() -> api.get(path("/api/v1/ops/stats", "bucket", "HOUR", "items", 10)));
        model.addAttribute("stats", stats);
        model.addAttribute("invariants", Panel.read(() -> api.get("/api/v1/ops/invariants/latest")));
        model.addAttribute("reconciliation", Panel.read(() -> api.get("/api/v1/ops/reconciliation")));
        if (stats.data() != null) {
            model.addAttribute("charts", charts(stats.data()));
        }
        return "console/ops/overview";
    }

    /** The activity feed: transfers and payments, newest first, filtered by type, status or wallet, paged. */
    @GetMapping("/ops/activity")
    String activity(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String walletId, @RequestParam(required = false) String cursor,
                    Model model) {
        model.addAttribute("type", blankToNull(type));
        model.addAttribute("status", blankToNull(status));
        model.addAttribute("walletId", blankToNull(walletId));
        model.addAttribute("activity", api.get(path("/api/v1/ops/activity", "type", blankToNull(type),
                "status", blankToNull(status), "walletId", blankToNull(walletId), "limit", ACTIVITY_PAGE,
                "cursor", cursor)));
        return "console/ops/activity";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Counts per hour, then volumes per hour for each of the busiest currencies. */
    @SuppressWarnings("unchecked")
    static List<BarChart> charts(Map<String, Object> stats) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) stats.getOrDefault("series", List.of());
        TreeMap<String, BigDecimal> counts = new TreeMap<>();
        Map<String, TreeMap<String, BigDecimal>> volumes = new TreeMap<>();
        Map<String, BigDecimal> currencyTotals = new TreeMap<>();
        for (Map<String, Object> group : series) {
            String hour = String.valueOf(group.get("bucketStart"));
            BigDecimal count = new BigDecimal(String.valueOf(group.get("count")));
            counts.merge(hour, count, BigDecimal::add);
            String currency = String.valueOf(group.get("currency"));
            BigDecimal volume = new BigDecimal(String.valueOf(group.get("volume")));
            volumes.computeIfAbsent(currency, c -> new TreeMap<>()).merge(hour, volume, BigDecimal::add);
            currencyTotals.merge(currency, count, BigDecimal::add);
        }
        List<String> hours = hoursOf(stats);
        List<BarChart> charts = new ArrayList<>();
        charts.add(BarChart.of("Transfers and payments per hour (UTC)", points(hours, counts)));
        currencyTotals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .limit(CHARTED_CURRENCIES)
                .forEach(currency -> charts.add(BarChart.of("Volume per hour, " + currency.getKey(),
                        points(hours, volumes.get(currency.getKey())))));
        return charts;
    }

    /** Every hour of the window, as the API writes bucket starts: the hours without activity are charted too. */
    private static List<String> hoursOf(Map<String, Object> stats) {
        Instant from = Instant.parse(String.valueOf(stats.get("from")));
        Instant to = Instant.parse(String.valueOf(stats.get("to")));
        List<String> hours = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to) && hours.size() < MAX_HOURS; hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hour.toString());
        }
        return hours;
    }

    private static List<BarChart.Point> points(List<String> hours, TreeMap<String, BigDecimal> byHour) {
        Map<Instant, BigDecimal> values = new TreeMap<>();
        byHour.forEach((hour, value) -> values.put(Instant.parse(hour), value));
        return hours.stream()
                .map(hour -> new BarChart.Point(HOUR.format(Instant.parse(hour)),
                        values.getOrDefault(Instant.parse(hour), BigDecimal.ZERO)))
                .toList();
    }
}
