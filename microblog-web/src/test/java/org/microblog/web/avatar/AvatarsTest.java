package org.microblog.web.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvatarsTest {

    @Test
    void generatedAvatarsAllowImagesFromThisSiteOnly() {
        Avatars avatars = new Avatars("generated");

        assertFalse(avatars.isGravatar());
        assertEquals("'self'", avatars.imageSources());
    }

    @Test
    void gravatarByConfigurationGivesTheTutorialsUrlAndAllowsGravatarsHosts() {
        Avatars avatars = new Avatars(" Gravatar ");

        assertTrue(avatars.isGravatar());
        assertEquals(
                "https://www.gravatar.com/avatar/d4c74594d841139328695756648b6bd6?d=identicon&s=48",
                avatars.url(1, "John@Example.com", 48));
        assertEquals("'self' https://www.gravatar.com https://secure.gravatar.com", avatars.imageSources());
    }

    @Test
    void anUnknownChoiceMeansGeneratedAvatars() {
        assertFalse(new Avatars("gravatr").isGravatar());
    }
}
