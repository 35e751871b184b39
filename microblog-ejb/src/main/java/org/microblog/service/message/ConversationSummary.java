package org.microblog.service.message;

import org.microblog.domain.message.Message;
import org.microblog.domain.user.User;

/** One line of a person's conversations: the other person, the newest message between them, and how many are unread. */
public record ConversationSummary(User other, Message last, long unread) {}
