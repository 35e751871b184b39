package org.microblog.web.api.entity;

/**
 * Plain text as the HTML that Mastodon's entities carry: every character that means something in HTML escaped, the
 * whole in one paragraph, a {@code <br>} for each new line. Written by hand because it is five replacements and a
 * line rule, and the JSON must match what Mastodon writes, not a library's choice of entities.
 */
final class Html {

    private Html() {}

    static String paragraph(String text) {
        return "<p>" + escape(text).replace("\n", "<br>") + "</p>";
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
