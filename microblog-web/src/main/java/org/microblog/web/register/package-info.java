/**
 * The page {@code /register} (register.xhtml): a new account, signed in at once.
 *
 * <p>May use the domain, {@code service.account} and the web module's {@code security}, {@code login} and
 * {@code faces.flash}; nothing here touches an EntityManager.
 */
package org.microblog.web.register;
