package com.mizani.app.console.ops;

import com.mizani.app.console.ApiRefusal;
import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.FormOutcome;
import com.mizani.app.console.PeriodField;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * The wallet inspector: find a wallet by its id, its owner's, a payment or transfer of it, or a correlation id (what
 * one request touched, from the audit views); see its balance
 * history, its balance at an instant from the read model and from the events side by side, and its hash chain
 * checked again; freeze and unfreeze it, and propose a manual adjustment of it.
 */
@Controller
@ConditionalOnConsole
class InspectorPages {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int HISTORY_PAGE = 25;

    private final ConsoleApi api;

    InspectorPages(ConsoleApi api) {
        this.api = api;
    }

    /**
     * Search: whatever the id names, in this order: a wallet, a payment, a transfer, an owner's wallets, and what a
     * conversation with this correlation id touched.
     */
    @GetMapping("/ops/wallets")
    String search(@RequestParam(required = false) String id, Model model) {
        model.addAttribute("id", id);
        if (id == null || id.isBlank()) {
            return "console/ops/search";
        }
        String wanted = id.strip();
        if (!UUID_TEXT.matcher(wanted).matches()) {
            model.addAttribute("problem", "Ids are UUIDs, such as 7f0c6a55-2d7e-4b4a-9a51-3c1f3f0f2a11.");
            return "console/ops/search";
        }
        if (exists("/api/v1/wallets/" + wanted)) {
            return "redirect:/ops/wallets/" + wanted;
        }
        if (exists("/api/v1/payments/" + wanted)) {
            return "redirect:/ops/payments/" + wanted;
        }
        Map<String, Object> transfer = found("/api/v1/transfers/" + wanted);
        if (transfer != null) {
            return "redirect:/ops/wallets/" + transfer.get("sourceWalletId");
        }
        List<?> owned = (List<?>) api.get(path("/api/v1/wallets", "ownerId", wanted, "limit", 100)).get("items");
        model.addAttribute("wallets", owned);
        if (!owned.isEmpty()) {
            return "console/ops/search";
        }
        Panel correlated = Panel.read(() -> found("/api/v1/audit/correlations/" + wanted));
        if (correlated.refusal() != null) {
            model.addAttribute("problem", "No wallet, payment, transfer or owner has this id, and correlation ids "
                    + "cannot be searched now: " + correlated.refusal());
        } else if (correlated.data() == null) {
            model.addAttribute("problem", "No wallet, payment, transfer, owner or correlation has this id.");
        } else {
            model.addAttribute("correlated", correlated.data());
        }
        return "console/ops/search";
    }

    @GetMapping("/ops/wallets/{walletId}")
    String inspect(@PathVariable UUID walletId, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String cursor, @RequestParam(required = false) String verify,
                   Model model) {
        model.addAttribute("wallet", api.get("/api/v1/wallets/" + walletId));
        model.addAttribute("entries", api.get(path("/api/v1/wallets/" + walletId + "/entries",
                "limit", HISTORY_PAGE, "cursor", cursor)));
        PeriodField at = PeriodField.of(asOf, null);
        Instant instant = at.fromInstant() == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : at.fromInstant();
        model.addAttribute("asOf", at);
        model.addAttribute("instant", instant);
        model.addAttribute("readModel", api.get(path("/api/v1/wallets/" + walletId + "/balance", "asOf", instant)));
        model.addAttribute("adjustmentKey", UUID.randomUUID());
        if (verify != null) {
            model.addAttribute("chain", api.get("/api/v1/audit/wallets/" + walletId + "/chain"));
        }
        return "console/ops/wallet";
    }

    /**
     * The balance at the instant from a replay of the wallet's events, beside the read model's: the page asks for it
     * once it has rendered, because a replay reads every event of the wallet up to the instant (a second or two for
     * 100,000 of them) and the rest of the page need not wait for it.
     */
    @GetMapping("/ops/wallets/{walletId}/replayed")
    String replayed(@PathVariable UUID walletId, @RequestParam String asOf, Model model) {
        Instant instant = PeriodField.of(asOf, null).fromInstant();
        model.addAttribute("readModel", api.get(path("/api/v1/wallets/" + walletId + "/balance", "asOf", instant)));
        model.addAttribute("fromEvents", api.get(path("/api/v1/audit/wallets/" + walletId + "/replay", "asOf", instant)));
        return "console/fragments :: replayed";
    }

    @PostMapping("/app/ops/wallets/{walletId}/freeze")
    String freeze(@PathVariable UUID walletId, RedirectAttributes flash) {
        return change(walletId, "freeze", flash);
    }

    @PostMapping("/app/ops/wallets/{walletId}/unfreeze")
    String unfreeze(@PathVariable UUID walletId, RedirectAttributes flash) {
        return change(walletId, "unfreeze", flash);
    }

    /**
     * Proposes a manual adjustment; another person approves it in the checker inbox. The wallet's currency is the
     * API's to check: the page sends the one it showed, and a wallet id changed in the form meets the API's rules.
     */
    @PostMapping("/app/ops/wallets/{walletId}/adjustments")
    String proposeAdjustment(@PathVariable UUID walletId, @RequestParam String direction,
                             @RequestParam String amount, @RequestParam String reason,
                             @RequestParam UUID idempotencyKey, RedirectAttributes flash) {
        Map<String, Object> wallet = api.get("/api/v1/wallets/" + walletId);
        FormOutcome.of(flash, "adjustment", "The adjustment was proposed; another person approves or rejects it in "
                + "the checker inbox.", () -> api.post("/api/v1/ops/adjustments", Map.of("walletId", walletId,
                "amount", amount.strip(), "currency", wallet.get("currency"), "direction", direction,
                "reason", reason.strip()), idempotencyKey.toString()));
        return "redirect:/ops/wallets/" + walletId;
    }

    private String change(UUID walletId, String action, RedirectAttributes flash) {
        FormOutcome.of(flash, action, "The wallet's " + action + " was recorded.",
                () -> api.post("/api/v1/wallets/" + walletId + "/" + action, Map.of(), null));
        return "redirect:/ops/wallets/" + walletId;
    }

    private boolean exists(String apiPath) {
        return found(apiPath) != null;
    }

    private Map<String, Object> found(String apiPath) {
        try {
            return api.get(apiPath);
        } catch (ApiRefusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                return null;
            }
            throw refused;
        }
    }
}
