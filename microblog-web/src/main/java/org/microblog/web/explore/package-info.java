/**
 * The page {@code /explore} (explore.xhtml): every post on the site, newest first.
 *
 * <p>May use {@code service.timeline} and the web module's {@code paging} and {@code session}; nothing here touches
 * an EntityManager.
 */
package org.microblog.web.explore;
