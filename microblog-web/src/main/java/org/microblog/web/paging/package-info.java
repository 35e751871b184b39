/**
 * Paging of the list pages: page sizes, and reading the {@code after} cursor and the {@code page} number from a
 * request.
 *
 * <p>May use {@code domain.post}'s TimelineCursor; no service, no Faces, no EntityManager.
 */
package org.microblog.web.paging;
