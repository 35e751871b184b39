/**
 * The page {@code /edit-profile} (edit-profile.xhtml): the signed-in user's username and about-me.
 *
 * <p>May use the domain, {@code service.account} and the web module's {@code session} and {@code faces.flash};
 * nothing here touches an EntityManager.
 */
package org.microblog.web.editprofile;
