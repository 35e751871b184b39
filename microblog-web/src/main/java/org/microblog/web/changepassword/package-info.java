/**
 * The page {@code /change-password} (change-password.xhtml): a new password, and "sign out everywhere".
 *
 * <p>May use {@code service.account} and the web module's {@code security}, {@code session} and {@code faces.flash};
 * nothing here touches an EntityManager.
 */
package org.microblog.web.changepassword;
