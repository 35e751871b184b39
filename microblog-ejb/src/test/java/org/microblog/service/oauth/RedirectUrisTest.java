package org.microblog.service.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses an app may register as where the consent page sends people back to. */
class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example/callback",
                "http://127.0.0.1:4567/cb",
                "com.example.app:/callback",
                "org.joinmastodon.android://callback",
                "urn:ietf:wg:oauth:2.0:oob"
            })
    void anAddressThatHandsTheCodeToAnAppIsAccepted(String uri) {
        assertTrue(AppService.isRedirectUri(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:x",
                "file:///etc/passwd",
                "https://app.example/callback#fragment",
                "/relative/callback",
                "https:///no-host",
                "not an address"
            })
    void anAddressThatRunsInTheBrowserOrIsNoAddressIsRefused(String uri) {
        assertFalse(AppService.isRedirectUri(uri), uri);
    }
}
