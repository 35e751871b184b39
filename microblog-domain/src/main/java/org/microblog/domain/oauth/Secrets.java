package org.microblog.domain.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import org.microblog.domain.account.RememberMeToken;

/**
 * Client secrets, codes and access tokens: 32 random bytes as URL-safe base64 (43 characters), kept only as their
 * SHA-256, so that a copy of the database lets nobody act as an app or a person.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64_URL.encodeToString(bytes);
    }

    /** The SHA-256 of a secret, in hexadecimal: what the database keeps. */
    public static String hash(String secret) {
        return RememberMeToken.hash(secret);
    }
}
