package com.mizani.app.console.customer;

import com.mizani.app.console.ApiRefusal;
import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.FormOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * Money across currencies: the customer asks for a quote (the rate is locked for its lifetime, 60 seconds by
 * default), sees it with its countdown, and confirms the transfer on it, or lets it expire. The API refuses a
 * transfer on an expired or used quote (410 QUOTE_EXPIRED, 409 QUOTE_USED), and the page says so.
 */
@Controller
@ConditionalOnConsole
class FxPages {

    private final ConsoleApi api;

    FxPages(ConsoleApi api) {
        this.api = api;
    }

    @PostMapping("/app/fx/quotes")
    String quote(@RequestParam UUID sourceWalletId, @RequestParam String destinationWalletId,
                 @RequestParam String fromCurrency, @RequestParam String toCurrency, @RequestParam String fromAmount,
                 @RequestParam UUID idempotencyKey, RedirectAttributes flash) {
        try {
            Map<String, Object> quote = api.post("/api/v1/fx/quotes", Map.of("fromCurrency", fromCurrency,
                    "toCurrency", toCurrency, "fromAmount", fromAmount.strip()), idempotencyKey.toString());
            return "redirect:" + path("/app/fx/quotes/" + quote.get("quoteId"), "source", sourceWalletId,
                    "destination", destinationWalletId.strip());
        } catch (ApiRefusal refused) {
            FormOutcome.refused(flash, "quote", refused);
            return "redirect:/app/wallets/" + sourceWalletId;
        }
    }

    @GetMapping("/app/fx/quotes/{quoteId}")
    String quotePage(@PathVariable UUID quoteId, @RequestParam UUID source, @RequestParam String destination,
                     Model model) {
        model.addAttribute("quote", api.get("/api/v1/fx/quotes/" + quoteId));
        model.addAttribute("source", source);
        model.addAttribute("destination", destination);
        model.addAttribute("transferKey", UUID.randomUUID());
        return "console/quote";
    }
}
