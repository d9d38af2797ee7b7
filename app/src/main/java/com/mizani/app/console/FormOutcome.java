package com.mizani.app.console;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * What a form did, left for the page it redirects to (the layout's {@code outcome} fragment): done, or the API's
 * refusal in its words and code, with nothing changed.
 */
public final class FormOutcome {

    private FormOutcome() {
    }

    /** Makes the API call the form asked for; {@code done} is shown if it was taken, the refusal if not. */
    public static void of(RedirectAttributes flash, String form, String done, Runnable call) {
        try {
            call.run();
            flash.addFlashAttribute("done", done);
        } catch (ApiRefusal refused) {
            refused(flash, form, refused);
        }
    }

    public static void refused(RedirectAttributes flash, String form, ApiRefusal refused) {
        flash.addFlashAttribute("refusal", Map.of("form", form, "code", refused.code(), "detail", refused.getMessage()));
    }
}
