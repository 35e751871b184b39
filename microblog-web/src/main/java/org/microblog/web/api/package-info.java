/**
 * The client API: the part of Mastodon's REST API that apps use (Tusky, Elk, masto.js), with Jakarta REST under
 * {@code /api} (MastodonApi). This package holds what every endpoint shares: JSON as Mastodon writes it (JsonConfig),
 * errors as JSON (ApiExceptions), CORS (Cors), and the paging parameters and Link header (Paging); the resources are
 * the *Resource classes; the JSON entities are in {@code api.entity}.
 *
 * <p>So far only what needs no sign-in: the instance, accounts, statuses and the public timeline. The OAuth 2
 * server and the endpoints that act for a user are issue 22's next part.
 *
 * <p>May use the services ({@code service.*}), the domain, {@code avatar} and {@code api.entity}; nothing of Faces.
 */
package org.microblog.web.api;
