package com.mizani.app.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in ({@code me}). */
@ControllerAdvice(basePackages = "com.mizani.app.console")
class ConsoleModel {

    @ModelAttribute("me")
    ConsoleUser me() {
        return signedIn();
    }

    static ConsoleUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user ? user : null;
    }
}
