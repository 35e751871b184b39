/*
 * Microblog: the live counter under a text area, counting characters as people count them and as the server
 * does (org.microblog.domain.text.TextRules): Unicode code points, an emoji being one. A text area opts in with
 *   data-max      the most characters allowed
 *   data-counter  the id of the element that shows what is left
 *   data-left     the text when within the limit, {0} being the characters left
 *   data-over     the text when over it, {0} being the characters too many
 * Nothing is cut: text over the limit is refused by the server with a message.
 */
(function () {
    "use strict";

    function codePoints(text) {
        return Array.from(text).length;
    }

    function update(field) {
        var counter = document.getElementById(field.dataset.counter);
        if (!counter) {
            return;
        }
        var left = Number(field.dataset.max) - codePoints(field.value);
        counter.textContent = left >= 0
            ? field.dataset.left.replace("{0}", String(left))
            : field.dataset.over.replace("{0}", String(-left));
        counter.classList.toggle("over", left < 0);
    }

    function start() {
        document.querySelectorAll("textarea[data-max][data-counter]").forEach(function (field) {
            update(field);
            field.addEventListener("input", function () {
                update(field);
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
