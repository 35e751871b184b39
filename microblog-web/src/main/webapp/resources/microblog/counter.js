/*
 * Microblog: the live counter under a text area, counting characters as people count them and as the server
 * does (org.microblog.domain.text.TextRules): Unicode code points, an emoji being one. A text area opts in with
 *   data-max         the most characters allowed
 *   data-counter     the id of the element that shows what is left
 *   data-left-one    the text when within the limit, {0} being the characters left, for the plural category "one"
 *   data-left-other  the same for every other number
 *   data-over-one, data-over-other  the texts when over the limit, {0} being the characters too many
 * The plural category of a number comes from the page's language (<html lang>) through Intl.PluralRules, the
 * CLDR rules: "1 character left", "0 characters left", "1 carácter restante". Every text is the page's (from the
 * bundle); none is written here. Nothing is cut: text over the limit is refused by the server with a message.
 */
(function () {
    "use strict";

    var plurals = new Intl.PluralRules(document.documentElement.lang || "en");

    function codePoints(text) {
        return Array.from(text).length;
    }

    /** The field's text for {@code count}: data-<kind>-one when the language calls it "one", else data-<kind>-other. */
    function text(field, kind, count) {
        var category = plurals.select(count) === "one" ? "One" : "Other";
        return field.dataset[kind + category].replace("{0}", String(count));
    }

    function update(field) {
        var counter = document.getElementById(field.dataset.counter);
        if (!counter) {
            return;
        }
        var left = Number(field.dataset.max) - codePoints(field.value);
        counter.textContent = left >= 0 ? text(field, "left", left) : text(field, "over", -left);
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
