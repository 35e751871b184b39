package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.message.Message;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockService;
import org.microblog.service.message.Conversation;
import org.microblog.service.message.ConversationSummary;
import org.microblog.service.message.MessageService;
import org.microblog.service.message.MessageToSelfException;
import org.microblog.service.message.MessagingBlockedException;
import org.microblog.service.message.TooManyMessagesException;

/** Private messages in the service: who sees what, unread counts, paging, blocks, refusals and the throttle. */
@ExtendWith(ArquillianExtension.class)
class MessageServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    MessageService messages;

    @EJB
    AccountService accounts;

    @EJB
    BlockService blocks;

    private int unread(User user) {
        return accounts.findSignedIn(user.getId()).orElseThrow().unreadMessages();
    }

    private static List<String> bodies(Conversation conversation) {
        return conversation.messages().stream().map(Message::getBody).toList();
    }

    @Test
    void aMessageIsUnreadUntilItsConversationIsOpenedByTheRecipient() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        messages.send(ann.getId(), bob.getUsername(), "Hello Bob");
        messages.send(ann.getId(), bob.getUsername().toUpperCase(), "  Are you there?  ");

        assertEquals(2, unread(bob));
        assertEquals(0, unread(ann));
        ConversationSummary listed = messages.conversations(bob.getId()).getFirst();
        assertEquals(ann.getId(), listed.other().getId());
        assertEquals("Are you there?", listed.last().getBody());
        assertEquals(2, listed.unread());

        assertEquals(
                List.of("Are you there?", "Hello Bob"),
                bodies(messages.conversation(ann.getId(), bob.getUsername(), Optional.empty())));
        assertEquals(2, unread(bob), "the sender reading it marks nothing");
        Conversation read = messages.conversation(bob.getId(), ann.getUsername(), Optional.empty());
        assertEquals(List.of("Are you there?", "Hello Bob"), bodies(read));
        assertEquals(0, unread(bob));
        assertEquals(0, messages.conversations(bob.getId()).getFirst().unread());
        assertTrue(read.canWrite());
    }

    @Test
    void eachPersonSeesOnlyTheirOwnConversationsMostRecentFirst() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carol = fixtures.user("carol");
        User dave = fixtures.user("dave");
        messages.send(ann.getId(), bob.getUsername(), "to bob, secret");
        messages.send(carol.getId(), ann.getUsername(), "from carol");

        assertEquals(
                List.of(carol.getId(), bob.getId()),
                messages.conversations(ann.getId()).stream()
                        .map(c -> c.other().getId())
                        .toList());
        assertEquals(List.of(), messages.conversations(dave.getId()));
        assertEquals(List.of(), bodies(messages.conversation(dave.getId(), ann.getUsername(), Optional.empty())));
        assertEquals(List.of(), bodies(messages.conversation(carol.getId(), bob.getUsername(), Optional.empty())));
    }

    @Test
    void aBlockEitherWayStopsMessagesAndHidesTheConversationFromTheBlockedOnly() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        messages.send(ann.getId(), bob.getUsername(), "before the block");
        blocks.block(bob.getId(), ann.getUsername());

        assertThrows(UserNotFoundException.class, () -> messages.send(ann.getId(), bob.getUsername(), "hello?"));
        assertThrows(MessagingBlockedException.class, () -> messages.send(bob.getId(), ann.getUsername(), "no"));
        assertEquals(List.of(), messages.conversations(ann.getId()));
        assertThrows(
                UserNotFoundException.class,
                () -> messages.conversation(ann.getId(), bob.getUsername(), Optional.empty()));
        Conversation blockers = messages.conversation(bob.getId(), ann.getUsername(), Optional.empty());
        assertEquals(List.of("before the block"), bodies(blockers));
        assertFalse(blockers.canWrite());

        blocks.unblock(bob.getId(), ann.getUsername());
        messages.send(ann.getId(), bob.getUsername(), "after the block");
        assertEquals(1, messages.conversations(ann.getId()).size());
    }

    @Test
    void noMessageToOneselfToNobodyOrOfTheWrongLength() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        assertThrows(MessageToSelfException.class, () -> messages.send(ann.getId(), ann.getUsername(), "me"));
        assertThrows(UserNotFoundException.class, () -> messages.send(ann.getId(), "nobody-" + ann.getId(), "hi"));
        assertThrows(EJBException.class, () -> messages.send(ann.getId(), bob.getUsername(), "   "));
        assertThrows(EJBException.class, () -> messages.send(ann.getId(), bob.getUsername(), "x".repeat(1001)));
        messages.send(ann.getId(), bob.getUsername(), "\uD83D\uDE00".repeat(Message.BODY_MAX));

        assertEquals(
                1,
                messages.conversation(ann.getId(), bob.getUsername(), Optional.empty())
                        .messages()
                        .size());
        assertThrows(
                UserNotFoundException.class,
                () -> messages.conversation(ann.getId(), ann.getUsername(), Optional.empty()));
    }

    @Test
    void aConversationPagesNewestFirstToTheBeginning() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        for (int i = 0; i < 25; i++) {
            User from = i % 2 == 0 ? ann : bob;
            messages.send(from.getId(), (from == ann ? bob : ann).getUsername(), "message " + i);
        }
        List<String> seen = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        do {
            Conversation page = messages.conversation(ann.getId(), bob.getUsername(), before);
            seen.addAll(bodies(page));
            before = page.older();
        } while (before.isPresent());

        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add("message " + i);
        }
        assertEquals(expected, seen);
        assertEquals(0, unread(ann), "every page read");
    }

    @Test
    void aSenderGetsThirtyMessagesPerFiveMinutes() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        for (int i = 0; i < 30; i++) {
            messages.send(ann.getId(), bob.getUsername(), "message " + i);
        }

        assertThrows(TooManyMessagesException.class, () -> messages.send(ann.getId(), bob.getUsername(), "one more"));
        assertEquals(30, unread(bob));
    }
}
