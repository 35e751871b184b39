/**
 * The client API's JSON entities, as Mastodon's documentation defines them (records; JsonConfig writes their names in
 * snake_case), and {@link org.microblog.web.api.entity.Entities}, which makes them from our domain objects.
 *
 * <p>May use the domain, {@code service.*} and {@code avatar}.
 */
package org.microblog.web.api.entity;
