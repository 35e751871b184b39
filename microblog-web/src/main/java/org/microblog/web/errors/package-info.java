/**
 * What goes wrong, answered with our error pages: the request limits, database outages (a 503 page and a quiet log),
 * exceptions thrown in a page, and error pages that render as a plain GET. Four of its filters are in the chain of
 * web.xml.
 *
 * <p>May use {@code service.schema} (whether the migrations have run) and no other service; nothing here touches an
 * EntityManager.
 */
package org.microblog.web.errors;
