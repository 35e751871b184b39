package org.microblog.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void aBlockNamesWhoBlockedWhomAndSinceWhen() {
        User ann = new User("ann", "ann@example.com", "hash");
        User bob = new User("bob", "bob@example.com", "hash");
        Instant now = Instant.parse("2026-11-29T21:00:00Z");

        Block block = new Block(ann, bob, now);

        assertSame(ann, block.getBlocker());
        assertSame(bob, block.getBlocked());
        assertEquals(now, block.getSince());
    }

    @Test
    void nobodyBlocksThemself() {
        User ann = new User("ann", "ann@example.com", "hash");

        assertThrows(IllegalArgumentException.class, () -> new Block(ann, ann, Instant.now()));
    }
}
