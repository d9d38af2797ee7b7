package com.mizani.app.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded issuer's sign-in page; Spring Security's form login receives what it posts. */
@Controller
@ConditionalOnEmbeddedIssuer
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "signin";
    }
}
