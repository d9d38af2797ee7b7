package com.mizani.app.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What a refused form gets: one without this session's CSRF token (forged, or from a page older than the session).
 * Nothing it asked for was done.
 */
@Controller
@ConditionalOnConsole
class FormRefusedPage {

    @RequestMapping(ConsoleSecurityConfiguration.FORM_REFUSED_PATH)
    String formRefused(Model model, HttpServletResponse response) {
        model.addAttribute("title", "Form refused");
        return ConsoleErrors.page(model, response, HttpServletResponse.SC_FORBIDDEN, "FORM_EXPIRED", "this form was "
                + "not made by this session of the console (or the session has ended), so nothing was done; open the "
                + "page again and retry");
    }
}
