/**
 * Times as people read them ("3 minutes ago"), for pages and for the rows of a list.
 *
 * <p>May use {@code language} for the words; no service, no EntityManager.
 */
package org.microblog.web.format;
