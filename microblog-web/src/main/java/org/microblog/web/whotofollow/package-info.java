/**
 * The page {@code /who-to-follow} (who-to-follow.xhtml): suggestions, a page at a time, each with a Follow button.
 *
 * <p>May use {@code service.follow} and the web module's {@code person}, {@code paging} and {@code session}; nothing
 * here touches an EntityManager.
 */
package org.microblog.web.whotofollow;
