/**
 * Faces plumbing, view handlers (registered in faces-config.xml): every view stateless from its creation
 * (StatelessViews), and an error page's forms posting to the home page (ErrorPageActions). The view's locale is
 * {@code language}'s ViewsInPageLanguage.
 *
 * <p>May use Faces only; no service, no EntityManager.
 */
package org.microblog.web.faces.view;
