package org.microblog.web.messages;

/** One message of a conversation page: its text, whose it is, and when. */
public record MessageRow(long id, String body, boolean mine, String time, String ago) {

    public String styleClass() {
        return mine ? "message mine" : "message";
    }
}
