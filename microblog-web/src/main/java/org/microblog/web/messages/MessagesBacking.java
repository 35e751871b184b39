package org.microblog.web.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.message.Message;
import org.microblog.domain.message.MessageBody;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.message.Conversation;
import org.microblog.service.message.ConversationSummary;
import org.microblog.service.message.MessageService;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.format.TimeFormat;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /messages} (signed-in users only, web.xml) and its MultiViews {@code /messages/{name}}: without a
 * name, the person's conversations, the most recent first; with one, the conversation with that person, newest first,
 * paged with {@code ?before=id} ("Older messages"), which marks what it shows as read (before the menu renders, so
 * its count is already the new one), and the form to write. An unknown name, oneself, someone who blocks the reader
 * or a malformed address: 404 or 400. The service's refusals of a message are messages on the page
 * (RefusalExceptionHandler).
 */
@Named
@RequestScoped
public class MessagesBacking {

    static final int AVATAR_SIZE = 48;
    private static final int PREVIEW = 80;

    @Inject
    MessageService messages;

    @Inject
    CurrentUser currentUser;

    @Inject
    Avatars avatars;

    @Inject
    TimeFormat time;

    @Inject
    @Param(pathIndex = 0)
    String otherParam;

    @Inject
    @Param(pathIndex = 1)
    String extraParam;

    @Inject
    @Param(name = "before")
    String beforeParam;

    @MessageBody
    private String body;

    private Conversation conversation;
    private List<ConversationRow> conversations;
    private List<MessageRow> rows;

    /** On GET (viewAction): reads the list or the conversation, or answers 404/400. */
    public void load() throws IOException {
        if (extraParam != null) {
            Faces.responseSendError(404, "No such page");
            return;
        }
        if (otherParam == null) {
            return;
        }
        Optional<Long> before;
        try {
            before = Optional.ofNullable(beforeParam).map(Long::parseLong);
        } catch (NumberFormatException malformed) {
            Faces.responseSendError(400, "Malformed message id");
            return;
        }
        try {
            conversation = messages.conversation(currentUser.requireId(), otherParam, before);
        } catch (UserNotFoundException e) {
            Faces.responseSendError(404, "No such conversation");
            return;
        }
        currentUser.refresh();
    }

    public void send() {
        messages.send(currentUser.requireId(), otherParam, body);
        FlashMessages.add("flash.messageSent");
        Redirects.toPath("messages/" + otherParam);
    }

    /** Whether this is a conversation's page (else the list). */
    public boolean isConversation() {
        return otherParam != null;
    }

    /**
     * The conversation: read by {@link #load} on a GET, and here on a postback whose page shows again (a message
     * refused), or empty.
     */
    private Optional<Conversation> conversation() {
        if (conversation == null && otherParam != null && extraParam == null) {
            try {
                conversation = messages.conversation(currentUser.requireId(), otherParam, Optional.empty());
            } catch (UserNotFoundException gone) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(conversation);
    }

    /** Whether the reader may write in this conversation (neither blocks the other). */
    public boolean isCanWrite() {
        return conversation().map(Conversation::canWrite).orElse(false);
    }

    /** The list's rows, made once a request. */
    public List<ConversationRow> getConversations() {
        if (conversations == null) {
            String base = Faces.getRequestContextPath() + "/messages/";
            conversations = messages.conversations(currentUser.requireId()).stream()
                    .map(summary -> row(summary, base))
                    .toList();
        }
        return conversations;
    }

    private ConversationRow row(ConversationSummary summary, String base) {
        Message last = summary.last();
        String text = last.getBody();
        String preview = text.codePointCount(0, text.length()) <= PREVIEW
                ? text
                : text.substring(0, text.offsetByCodePoints(0, PREVIEW)) + "\u2026";
        return new ConversationRow(
                summary.other().getUsername(),
                base + summary.other().getUsername(),
                avatars.of(summary.other(), AVATAR_SIZE),
                preview,
                last.isFrom(currentUser.requireId()),
                last.getCreatedAt().toString(),
                time.ago(last.getCreatedAt()),
                summary.unread());
    }

    /** The conversation page's messages, made once a request. */
    public List<MessageRow> getRows() {
        if (rows == null) {
            long me = currentUser.requireId();
            rows = conversation().stream()
                    .flatMap(c -> c.messages().stream())
                    .map(m -> new MessageRow(
                            m.getId(),
                            m.getBody(),
                            m.isFrom(me),
                            m.getCreatedAt().toString(),
                            time.ago(m.getCreatedAt())))
                    .toList();
        }
        return rows;
    }

    /** The address of the next, older page, or "" when there is none. */
    public String getOlderUrl() {
        return conversation()
                .flatMap(c -> c.older()
                        .map(id -> Faces.getRequestContextPath() + "/messages/"
                                + c.other().getUsername() + "?before=" + id))
                .orElse("");
    }

    public String getOther() {
        return conversation().map(c -> c.other().getUsername()).orElse(otherParam);
    }

    public String getOtherAvatar() {
        return conversation().map(c -> avatars.of(c.other(), AVATAR_SIZE)).orElse("");
    }

    public int getBodyMax() {
        return Message.BODY_MAX;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
