package com.mizani.app.console.customer;

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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.app.console.ConsoleApi.path;

/** The customer's side: its wallets, each wallet's history, statement and balance at an instant. */
@Controller
@ConditionalOnConsole
class CustomerPages {

    static final int HISTORY_PAGE = 25;
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
        model.addAttribute("wallets", api.get(path("/api/v1/wallets", "ownerId", user.ownerId(), "limit", 100))
                .get("items"));
        return "console/home";
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
            model.addAttribute("statement", api.get(path("/api/v1/wallets/" + walletId + "/statement",
                    "from", period.fromInstant(), "to", period.toInstant())));
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
