/**
 * Text and language: the languages Microblog is written in (Language), the one each page is answered in (PageLanguage,
 * from the switch's cookie or the browser) and given to every Faces view (ViewsInPageLanguage), the switch itself
 * (LanguageServlet, LanguageCookie), caches told so (VaryByLanguage), and the texts of the one message bundle
 * {@code org.microblog.web.i18n} for Java code (Texts, MessagesFromBundle).
 *
 * <p>May use Faces, OmniFaces and Servlet, and {@code login}'s SafeReturn; no service, no EntityManager.
 */
package org.microblog.web.language;
