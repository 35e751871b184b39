/**
 * A person's export of their posts ({@link PostExport}): its state, its progress, where it has got to, and the JSON
 * it has written so far, one {@link ExportedPost} per post.
 *
 * <p>May use JPA, {@code domain.post}'s cursor and the JDK; nothing here knows a page, a service or a batch job
 * exists.
 */
package org.microblog.domain.export;
