package org.microblog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microblog.web.avatar.Avatars;

class ContentSecurityPolicyTest {

    /** The policy as directive name to sources, in order. */
    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        Arrays.stream(policy.split(";")).map(String::strip).forEach(d -> {
            int space = d.indexOf(' ');
            String previous = directives.put(d.substring(0, space), d.substring(space + 1));
            assertEquals(null, previous, () -> "twice: " + d);
        });
        return directives;
    }

    @Test
    void generatedAvatarsGiveOnePolicyAsStrictAsBothHeadersWereTogether() {
        Map<String, String> policy = directives(new ContentSecurityPolicy(new Avatars("generated")).getPolicy());

        assertEquals("'self'", policy.get("default-src"));
        assertEquals("'self'", policy.get("img-src"), "no data: and no Gravatar");
        assertEquals("'self'", policy.get("script-src"));
        assertEquals("'self' 'unsafe-inline'", policy.get("style-src"));
        assertEquals("'self' data:", policy.get("font-src"));
        assertEquals("'none'", policy.get("object-src"));
        assertEquals("'self'", policy.get("base-uri"));
        assertEquals("'self'", policy.get("form-action"));
        assertEquals("'none'", policy.get("frame-ancestors"));
        assertEquals(9, policy.size(), policy::toString);
    }

    @Test
    void gravatarAvatarsAllowGravatarsHostsForImagesOnly() {
        Map<String, String> policy = directives(new ContentSecurityPolicy(new Avatars("gravatar")).getPolicy());

        assertEquals("'self' https://www.gravatar.com https://secure.gravatar.com", policy.get("img-src"));
        assertEquals("'self'", policy.get("default-src"));
        assertEquals("'self'", policy.get("script-src"));
    }

    /** PrimeFaces appends " 'nonce-...';" to the policy it is given: script-src must come last. */
    @Test
    void scriptSourcesComeLastForPrimeFacesToAppendTheNonce() {
        assertTrue(
                new ContentSecurityPolicy(new Avatars("generated")).getPolicy().endsWith("; script-src 'self'"));
    }
}
