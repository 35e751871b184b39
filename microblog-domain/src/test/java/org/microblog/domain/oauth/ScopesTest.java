package org.microblog.domain.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void aTopScopeGrantsEveryGranularScopeUnderItAndNoOther() {
        Scopes read = Scopes.parse("read").orElseThrow();
        assertTrue(read.grant("read:statuses"));
        assertTrue(read.grant("read:accounts"));
        assertFalse(read.grant("write:statuses"));
        assertFalse(read.grant("write"));
    }

    @Test
    void aGranularScopeGrantsItselfOnly() {
        Scopes scopes = Scopes.parse("write:statuses read:accounts").orElseThrow();
        assertTrue(scopes.grant("write:statuses"));
        assertTrue(scopes.grant("read:accounts"));
        assertFalse(scopes.grant("read:statuses"));
        assertFalse(scopes.grant("write:follows"));
    }

    @Test
    void followIsMastodonsOlderNameForFollowsBlocksAndMutes() {
        Scopes follow = Scopes.parse("follow").orElseThrow();
        assertTrue(follow.grant("write:follows"));
        assertTrue(follow.grant("read:mutes"));
        assertFalse(follow.grant("write:statuses"));
    }

    @Test
    void anAppMayAskForNoMoreThanItRegisteredWith() {
        Scopes registered = Scopes.parse("read write:statuses").orElseThrow();
        assertTrue(registered.cover(Scopes.parse("read:statuses write:statuses").orElseThrow()));
        assertTrue(registered.cover(Scopes.parse("read").orElseThrow()));
        assertFalse(registered.cover(Scopes.parse("write").orElseThrow()));
        assertFalse(registered.cover(Scopes.parse("read follow").orElseThrow()));
    }

    @Test
    void unknownScopesAreRefusedAndABlankListIsRead() {
        assertEquals(Optional.empty(), Scopes.parse("admin"));
        assertEquals(Optional.empty(), Scopes.parse("read:everything"));
        assertEquals(Optional.empty(), Scopes.parse("read nonsense"));
        assertEquals("read", Scopes.parse("  ").orElseThrow().text());
        assertEquals(
                "read write", Scopes.parse("write read+write").orElseThrow().text(), "sorted, once, + as a space");
    }
}
