package org.microblog.web.messages;

/** One line of /messages: the other person, the newest message (shortened), when, and how many are unread. */
public record ConversationRow(
        String other,
        String url,
        String avatar,
        String last,
        boolean lastIsMine,
        String time,
        String ago,
        long unread) {}
