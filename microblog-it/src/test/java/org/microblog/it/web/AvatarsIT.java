package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated avatars over plain HTTP: served by this site with long caching, never a third party's, and the
 * Content-Security-Policy allowing images from this site only. In the browser: SocialBrowserIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AvatarsIT {

    @ArquillianResource
    URL base;

    /** The avatar address on {@code username}'s profile page, as the page links it. */
    private String avatarOnProfile(WebClient client, String username) {
        WebClient.Page profile = client.get("user/" + username);
        assertEquals(200, profile.status());
        String src = profile.document().select("img.avatar.large").attr("src");
        assertFalse(src.isEmpty(), profile::body);
        return src;
    }

    @Test
    void anAvatarIsAnImageOfThisSiteCachedForEverWithAnETag() {
        String ann = Names.unique("ann");
        new WebClient(base).register(ann);
        WebClient visitor = new WebClient(base);
        String src = avatarOnProfile(visitor, ann);
        assertTrue(src.matches(".*/avatars/v1/[0-9]+\\.svg"), src);

        WebClient.Page avatar = visitor.get(src);

        assertEquals(200, avatar.status());
        assertEquals("image/svg+xml", avatar.header("Content-Type").orElse("").split(";")[0]);
        assertTrue(avatar.body().startsWith("<svg"), avatar::body);
        String cache = avatar.header("Cache-Control").orElse("");
        assertTrue(cache.contains("immutable") && cache.contains("max-age=31536000"), cache);
        String etag = avatar.header("ETag").orElseThrow();
        assertTrue(avatar.headers().allValues("Set-Cookie").isEmpty(), "no session for an avatar");
        assertTrue(visitor.cookie("JSESSIONID").isEmpty());

        WebClient.Page again = visitor.get(src, "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
    }

    @Test
    void aSignedInUserGetsTheSameCachingForAvatars() {
        String bob = Names.unique("bob");
        WebClient client = new WebClient(base);
        client.register(bob); // and signed in

        WebClient.Page avatar = client.get(avatarOnProfile(client, bob));

        assertEquals(200, avatar.status());
        assertTrue(avatar.header("Cache-Control").orElse("").contains("immutable"), avatar.headers()::toString);
    }

    @Test
    void pagesAllowImagesFromThisSiteOnlyAndNameNoThirdParty() {
        String cid = Names.unique("cid");
        WebClient client = new WebClient(base);
        client.register(cid); // and signed in

        for (String path : List.of("", "user/" + cid, "explore", "login")) {
            WebClient.Page page = (path.equals("login") ? new WebClient(base) : client).get(path);
            assertEquals(200, page.status(), path);
            List<String> policies = page.headers().allValues("Content-Security-Policy");
            assertTrue(
                    policies.stream().anyMatch(p -> p.matches("(.*; )?img-src 'self'(;.*)?")),
                    () -> path + ": " + policies);
            assertFalse(page.body().contains("gravatar"), path);
        }
    }

    @Test
    void aWrongAvatarAddressIsOurNotFoundPage() {
        for (String path : List.of(
                "avatars/v1/abc.svg",
                "avatars/v1/0.svg",
                "avatars/v1/99999999999.svg",
                "avatars/v1/999999999999999999999999.svg",
                "avatars/v2/1.svg",
                "avatars/v1/1.gif",
                "avatars/v1/99999999999.png",
                "avatars/",
                "avatars",
                "avatars/v1/%3Cscript%3E.svg",
                "avatars/v1/-1.svg")) {
            WebClient.Page page = new WebClient(base).get(path);
            assertEquals(404, page.status(), path);
            assertEquals("Page not found", page.text("error-title"), path);
        }
    }
}
