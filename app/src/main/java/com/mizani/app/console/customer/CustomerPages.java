package com.mizani.app.console.customer;

import com.mizani.app.console.ApiRefusal;
import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.CsvDownload;
import com.mizani.app.console.ConsoleUser;
import com.mizani.app.console.PeriodField;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.mizani.app.console.ConsoleApi.path;

/** The customer's side: its wallets and recent activity, each wallet's history, statement and balance at an instant. */
@Controller
@ConditionalOnConsole
class CustomerPages {

    static final int HISTORY_PAGE = 25;
    /** The home page's feed: this many lines, from the first this many wallets. */
    private static final int ACTIVITY_LINES = 10;
    private static final int ACTIVITY_WALLETS = 10;
    /** What a cross-currency transfer may arrive in; the rate source decides which pairs it quotes. */
    static final List<String> QUOTED_CURRENCIES = List.of("KES", "UGX", "TZS", "USD", "EUR", "GBP", "KWD");

    private final ConsoleApi api;

    CustomerPages(ConsoleApi api) {
        this.api = api;
    }

    /** Home: a customer's wallets; staff have the operations console instead. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal ConsoleUser user, Model model) {
        if (!user.isCustomer()) {
            return "redirect:/ops";
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> wallets = (List<Map<String, Object>>) api.get(path("/api/v1/wallets", "ownerId",
                user.ownerId(), "limit", 100)).get("items");
        model.addAttribute("wallets", wallets);
        model.addAttribute("activity", recentActivity(wallets));
        return "console/home";
    }

    /**
     * The newest transfers and payments across the customer's wallets, each as it stands now: one line per movement
     * (a transfer between two of its own wallets shows once, from the side it left).
     */
    @SuppressWarnings("unchecked")
    private List<ActivityLine> recentActivity(List<Map<String, Object>> wallets) {
        Set<Object> own = wallets.stream().map(wallet -> wallet.get("walletId")).collect(Collectors.toSet());
        Map<Object, ActivityLine> lines = new LinkedHashMap<>();
        for (Map<String, Object> wallet : wallets.stream().limit(ACTIVITY_WALLETS).toList()) {
            for (Map<String, Object> item : (List<Map<String, Object>>) api.get(path("/api/v1/wallets/"
                    + wallet.get("walletId") + "/activity", "limit", ACTIVITY_LINES)).get("items")) {
                lines.putIfAbsent(item.get("id"), ActivityLine.of(item, own));
            }
        }
        return lines.values().stream().sorted(Comparator.comparing(ActivityLine::requestedAt).reversed())
                .limit(ACTIVITY_LINES).toList();
    }

    @GetMapping("/app/wallets/{walletId}")
    String wallet(@PathVariable UUID walletId, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
                  @RequestParam(required = false) String asOf, Model model) {
        Map<String, Object> wallet = api.get("/api/v1/wallets/" + walletId);
        model.addAttribute("wallet", wallet);
        PeriodField period = PeriodField.of(from, to);
        model.addAttribute("period", period);
        if (period.isSet()) {
            try {
                model.addAttribute("statement", api.get(path("/api/v1/wallets/" + walletId + "/statement",
                        "from", period.fromInstant(), "to", period.toInstant())));
            } catch (ApiRefusal refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                // A period the API will not make a statement of (more than 10,000 entries): said here, on the
                // wallet's page, which still shows everything else.
                model.addAttribute("statementRefusal", refused);
            }
        } else {
            model.addAttribute("entries", api.get(path("/api/v1/wallets/" + walletId + "/entries",
                    "limit", HISTORY_PAGE, "cursor", cursor)));
        }
        PeriodField at = PeriodField.of(asOf, null);
        model.addAttribute("asOf", at);
        if (at.fromInstant() != null) {
            model.addAttribute("balanceAt", api.get(path("/api/v1/wallets/" + walletId + "/balance",
                    "asOf", at.fromInstant())));
        }
        // A new key for each form shown: submitting it twice (a double click, a reload) is one transfer.
        model.addAttribute("transferKey", UUID.randomUUID());
        model.addAttribute("withdrawalKey", UUID.randomUUID());
        model.addAttribute("depositKey", UUID.randomUUID());
        model.addAttribute("quoteKey", UUID.randomUUID());
        model.addAttribute("otherCurrencies", QUOTED_CURRENCIES.stream()
                .filter(currency -> !currency.equals(wallet.get("currency"))).toList());
        return "console/wallet";
    }

    /** The statement of a period as the API's CSV, to download. */
    @GetMapping("/app/wallets/{walletId}/statement.csv")
    ResponseEntity<String> statementCsv(@PathVariable UUID walletId, @RequestParam String from,
                                        @RequestParam String to) {
        PeriodField period = PeriodField.of(from, to);
        String csv = api.getCsv(path("/api/v1/wallets/" + walletId + "/statement",
                "from", period.fromInstant(), "to", period.toInstant()));
        return CsvDownload.of("statement-" + walletId + ".csv", csv);
    }
}
