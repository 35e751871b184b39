package org.microblog.service.mail;

import java.util.Objects;

/** One e-mail to one person: its address, subject, and the same text as plain text and as HTML. */
public record Mail(String to, String subject, String text, String html) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
