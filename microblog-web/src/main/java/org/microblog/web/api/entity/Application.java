package org.microblog.web.api.entity;

import java.util.List;

/**
 * An app as the API shows it (Mastodon's Application). The client id and secret are there only in the answer to its
 * registration, the one time the secret exists in clear; null afterwards.
 *
 * @param redirectUri the redirect addresses, one per line (Mastodon's older field)
 */
public record Application(
        String id,
        String name,
        String website,
        String scopes,
        String redirectUri,
        List<String> redirectUris,
        String clientId,
        String clientSecret,
        String vapidKey) {}
