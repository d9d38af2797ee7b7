package com.mizani.app.console.ops;

import com.mizani.app.console.ApiRefusal;
import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.FormOutcome;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * Administration (role {@code admin}): clients and users with their roles, enabling and disabling them, a new client
 * secret, and the signing keys' rotation; and the projections, each rebuilt from the event store with its progress.
 */
@Controller
@ConditionalOnConsole
class AdminPages {

    static final List<String> ROLES = List.of("service", "teller", "customer", "operator", "approver", "auditor", "admin");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final ConsoleApi api;

    AdminPages(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/ops/admin")
    String admin(Model model) {
        model.addAttribute("clients", api.get(path("/api/v1/admin/clients", "limit", 200)).get("items"));
        model.addAttribute("users", api.get(path("/api/v1/admin/users", "limit", 200)).get("items"));
        model.addAttribute("keys", api.get("/api/v1/admin/keys").get("keys"));
        model.addAttribute("roles", ROLES);
        return "console/ops/admin";
    }

    @PostMapping("/app/ops/admin/users")
    String createUser(@RequestParam String username, @RequestParam String password,
                      @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String ownerId,
                      RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username.strip());
        body.put("password", password);
        body.put("roles", roles == null ? List.of() : roles);
        if (ownerId != null && !ownerId.isBlank()) {
            body.put("ownerId", ownerId.strip());
        }
        return act(() -> api.post("/api/v1/admin/users", body, null), "user " + username.strip() + " was created",
                "new user", flash);
    }

    @PostMapping("/app/ops/admin/{kind}/{name}/{action}")
    String enableOrDisable(@PathVariable String kind, @PathVariable String name, @PathVariable String action,
                           RedirectAttributes flash) {
        if (!List.of("users", "clients").contains(kind) || !List.of("enable", "disable").contains(action)
                || !NAME.matcher(name).matches()) {
            throw new ApiRefusal(404, "NOT_FOUND", "no such resource");
        }
        return act(() -> api.post("/api/v1/admin/" + kind + "/" + name + "/" + action, Map.of(), null),
                name + " was " + action + "d", action, flash);
    }

    /** The new secret is shown once, on a page no cache keeps; it is stored only as a hash. */
    @PostMapping("/app/ops/admin/clients/{clientId}/rotate-secret")
    String rotateSecret(@PathVariable String clientId, Model model, HttpServletResponse response) {
        if (!NAME.matcher(clientId).matches()) {
            throw new ApiRefusal(404, "NOT_FOUND", "no such resource");
        }
        Map<String, Object> rotated = api.post("/api/v1/admin/clients/" + clientId + "/rotate-secret", Map.of(), null);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("client", rotated);
        return "console/ops/secret";
    }

    @PostMapping("/app/ops/admin/keys/rotate")
    String rotateKeys(RedirectAttributes flash) {
        return act(() -> api.post("/api/v1/admin/keys/rotate", Map.of(), null),
                "a new signing key signs from now on; the old one still verifies the tokens it signed", "rotation", flash);
    }

    @GetMapping("/ops/projections")
    String projections(Model model) {
        model.addAttribute("projections", api.get("/api/v1/admin/projections").get("projections"));
        return "console/ops/projections";
    }

    @PostMapping("/app/ops/projections/{name}/replay")
    String replay(@PathVariable String name, RedirectAttributes flash) {
        if (!NAME.matcher(name).matches()) {
            throw new ApiRefusal(404, "PROJECTION_NOT_FOUND", "no such projection");
        }
        try {
            api.post("/api/v1/admin/projections/" + name + "/replay", Map.of(), null);
        } catch (ApiRefusal refused) {
            FormOutcome.refused(flash, "replay", refused);
        }
        return "redirect:/ops/projections/" + name;
    }

    @GetMapping("/ops/projections/{name}")
    String replayPage(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("replay", Panel.read(() -> api.get("/api/v1/admin/projections/" + name + "/replay")));
        return "console/ops/replay";
    }

    /** The progress alone, which the page asks for every second while the rebuild runs (htmx polling). */
    @GetMapping("/ops/projections/{name}/progress")
    String replayProgress(@PathVariable String name, Model model, HttpServletResponse response) {
        Panel replay = Panel.read(() -> api.get("/api/v1/admin/projections/" + name + "/replay"));
        model.addAttribute("name", name);
        model.addAttribute("replay", replay);
        if (replay.data() == null || !"REPLAYING".equals(replay.data().get("state"))) {
            // htmx stops polling on 286.
            response.setStatus(286);
        }
        return "console/ops/replay :: progress";
    }

    private String act(Runnable call, String done, String what, RedirectAttributes flash) {
        FormOutcome.of(flash, what, done.substring(0, 1).toUpperCase() + done.substring(1) + ".", call);
        return "redirect:/ops/admin";
    }
}
