// Mizani dashboards: the little behaviour the pages have beyond htmx. No inline script anywhere.
(function () {
    "use strict";

    // A form whose button says data-once is sent once: a second click while it is on its way does nothing. (Its
    // idempotency key would make a second submission the same request anyway.)
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (form.dataset.sent === "yes") {
            event.preventDefault();
            return;
        }
        var button = form.querySelector("button[data-once]");
        if (button) {
            form.dataset.sent = "yes";
            button.setAttribute("aria-busy", "true");
            setTimeout(function () { button.disabled = true; }, 0);
        }
    });

    // Countdowns: an element with data-expires-at (an ISO instant) shows the seconds left, and data-expired-text once
    // none are.
    function tick() {
        document.querySelectorAll("[data-expires-at]").forEach(function (clock) {
            var left = Math.max(0, Math.floor((Date.parse(clock.dataset.expiresAt) - Date.now()) / 1000));
            clock.textContent = left > 0 ? left + " s" : clock.dataset.expiredText || "expired";
            if (left === 0 && clock.dataset.disables) {
                var target = document.getElementById(clock.dataset.disables);
                if (target) { target.disabled = true; }
            }
        });
    }
    setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", tick);
})();
