/*
 * Microblog: an accessible name for the close button of PrimeFaces' messages. PrimeFaces renders it as a link
 * holding only an icon, so a screen reader would announce the icon's glyph. The name is the page's text (from
 * the bundle), in data-close-label of the element around the messages; a MutationObserver names the buttons of
 * messages that AJAX requests bring in as well.
 */
(function () {
    "use strict";

    function name(frame) {
        frame.querySelectorAll(".ui-messages-close").forEach(function (close) {
            close.setAttribute("aria-label", frame.dataset.closeLabel);
            close.setAttribute("role", "button");
        });
    }

    function start() {
        document.querySelectorAll("[data-close-label]").forEach(function (frame) {
            name(frame);
            new MutationObserver(function () {
                name(frame);
            }).observe(frame, {childList: true, subtree: true});
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
