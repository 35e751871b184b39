package org.microblog.service.message;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.microblog.domain.message.Message;
import org.microblog.domain.message.MessageBody;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.SignInThrottle;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockService;

/**
 * Private messages between two people. Only the two of them can read a conversation: every read names the reader
 * and asks for the messages between the reader and one other person, so there is nothing to ask for someone else's.
 * A block either way forbids new messages both ways, and hides the conversation from the blocked person (their list
 * leaves it out, its page is not found); the one who blocked still sees it.
 *
 * <p>Each person's unread count lives on their user row ({@code users.unread_messages}), changed by atomic UPDATE
 * statements in the same transaction as the messages, so that the menu reads it with the signed-in check every
 * request makes anyway.
 */
@Stateless
public class MessageService {

    /** Messages on one page of a conversation. */
    public static final int PAGE_SIZE = 20;
    /** Conversations in the list, most recent first. */
    public static final int CONVERSATIONS_MAX = 100;

    private static final Logger LOG = Logger.getLogger(MessageService.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    AccountService accounts;

    @EJB
    BlockService blocks;

    @EJB
    SignInThrottle throttle;

    Clock clock = Clock.systemUTC();

    /**
     * Sends {@code body} from {@code senderId} to the person called {@code recipientName} (any case).
     *
     * @throws UserNotFoundException if there is no such person, or they block the sender (the sender learns nothing
     *     more than from their profile)
     * @throws MessageToSelfException to oneself
     * @throws MessagingBlockedException if the sender blocks the recipient
     * @throws TooManyMessagesException if the sender has sent too many lately
     */
    public Message send(long senderId, String recipientName, @MessageBody String body) {
        User recipient = accounts.getByUsername(recipientName);
        if (recipient.getId() == senderId) {
            throw new MessageToSelfException();
        }
        if (blocks.isBlocking(recipient.getId(), senderId)) {
            throw new UserNotFoundException(recipientName);
        }
        if (blocks.isBlocking(senderId, recipient.getId())) {
            throw new MessagingBlockedException(recipient.getUsername());
        }
        Optional<Duration> wait = throttle.admitMessage(senderId);
        if (wait.isPresent()) {
            throw new TooManyMessagesException(wait.get());
        }
        Message message = new Message(senderId, recipient.getId(), body, clock.instant());
        em.persist(message);
        em.createNativeQuery("UPDATE users SET unread_messages = unread_messages + 1 WHERE id = ?1")
                .setParameter(1, recipient.getId())
                .executeUpdate();
        LOG.fine(() -> "Sent " + message);
        return message;
    }

    /**
     * The conversations of {@code userId}, the most recent first (at most {@link #CONVERSATIONS_MAX}): four queries
     * however many there are.
     */
    public List<ConversationSummary> conversations(long userId) {
        Map<Long, Long> newest = new HashMap<>();
        for (String side : List.of("senderId", "recipientId")) {
            String other = side.equals("senderId") ? "recipientId" : "senderId";
            em.createQuery(
                            "SELECT m." + other + ", MAX(m.id) FROM Message m WHERE m." + side + " = :user GROUP BY m."
                                    + other,
                            Object[].class)
                    .setParameter("user", userId)
                    .getResultList()
                    .forEach(row -> newest.merge((Long) row[0], (Long) row[1], Math::max));
        }
        newest.keySet().removeAll(blocks.blockersAmong(userId, newest.keySet()));
        if (newest.isEmpty()) {
            return List.of();
        }
        List<Long> lastIds = newest.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(CONVERSATIONS_MAX)
                .toList();
        Map<Long, Message> lasts = em
                .createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
                .setParameter("ids", lastIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Message::getId, Function.identity()));
        Set<Long> others = lasts.values().stream().map(m -> m.otherThan(userId)).collect(Collectors.toSet());
        Map<Long, User> users = em
                .createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
                .setParameter("ids", others)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        Map<Long, Long> unread = new HashMap<>();
        em.createQuery(
                        "SELECT m.senderId, COUNT(m) FROM Message m WHERE m.recipientId = :user AND m.readAt IS NULL"
                                + " GROUP BY m.senderId",
                        Object[].class)
                .setParameter("user", userId)
                .getResultList()
                .forEach(row -> unread.put((Long) row[0], (Long) row[1]));
        return lastIds.stream()
                .map(lasts::get)
                .map(last -> new ConversationSummary(
                        users.get(last.otherThan(userId)), last, unread.getOrDefault(last.otherThan(userId), 0L)))
                .toList();
    }

    /**
     * A page of the conversation between {@code userId} and the person called {@code otherName} (any case), newest
     * first, before the message {@code before} if given; the messages to {@code userId} in it become read.
     *
     * @throws UserNotFoundException if there is no such person, it is oneself, or they block {@code userId}
     */
    public Conversation conversation(long userId, String otherName, Optional<Long> before) {
        User other = accounts.getByUsername(otherName);
        if (other.getId() == userId || blocks.isBlocking(other.getId(), userId)) {
            throw new UserNotFoundException(otherName);
        }
        List<Message> page = em.createQuery(
                        "SELECT m FROM Message m WHERE ((m.senderId = :me AND m.recipientId = :other)"
                                + " OR (m.senderId = :other AND m.recipientId = :me)) AND m.id < :before"
                                + " ORDER BY m.id DESC",
                        Message.class)
                .setParameter("me", userId)
                .setParameter("other", other.getId())
                .setParameter("before", before.orElse(Long.MAX_VALUE))
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
        Optional<Long> older =
                page.size() > PAGE_SIZE ? Optional.of(page.get(PAGE_SIZE - 1).getId()) : Optional.empty();
        List<Message> shown = page.subList(0, Math.min(PAGE_SIZE, page.size()));
        markRead(userId, other.getId(), shown);
        return new Conversation(other, List.copyOf(shown), older, !blocks.isBlocking(userId, other.getId()));
    }

    /** The messages from {@code otherId} among {@code shown} become read, and {@code userId}'s count goes down. */
    private void markRead(long userId, long otherId, List<Message> shown) {
        List<Long> unread = shown.stream()
                .filter(m -> m.getSenderId() == otherId && !m.isRead())
                .map(Message::getId)
                .toList();
        if (unread.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int marked = em.createQuery("UPDATE Message m SET m.readAt = :now WHERE m.id IN :ids AND m.readAt IS NULL")
                .setParameter("now", now)
                .setParameter("ids", unread)
                .executeUpdate();
        em.createNativeQuery("UPDATE users SET unread_messages = unread_messages - ?1 WHERE id = ?2")
                .setParameter(1, marked)
                .setParameter(2, userId)
                .executeUpdate();
    }
}
