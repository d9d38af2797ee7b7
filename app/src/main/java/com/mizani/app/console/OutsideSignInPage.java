package com.mizani.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /login} with an outside OIDC provider ({@code mizani.security.issuer-uri}): nobody types a password here.
 * The page sends people to the provider, and says why they are back: signed out, refused by the API's rules, or the
 * provider unreachable. (With the embedded issuer, its own sign-in page answers {@code /login}.)
 */
@Controller
@ConditionalOnConsole
@ConditionalOnExpression("!'${mizani.security.issuer-uri:}'.isEmpty()")
class OutsideSignInPage {

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("outside", true);
        model.addAttribute("signInPath", ConsoleClientRegistrations.SIGN_IN_PATH);
        return "signin";
    }
}
