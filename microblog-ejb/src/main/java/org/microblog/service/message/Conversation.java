package org.microblog.service.message;

import java.util.List;
import java.util.Optional;
import org.microblog.domain.message.Message;
import org.microblog.domain.user.User;

/**
 * One page of the conversation with {@code other}, newest first; {@code older} is the id to continue before, if
 * there are older messages. {@code canWrite} is false while either blocks the other.
 */
public record Conversation(User other, List<Message> messages, Optional<Long> older, boolean canWrite) {}
