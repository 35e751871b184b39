/**
 * The layout template's bean (layout.xhtml's menu): signing out, and the notifications link.
 *
 * <p>May use the web module's {@code security}, {@code session}, {@code language} and {@code faces.flash}, and {@code
 * service.search.SearchQuery}'s limit; nothing
 * here touches an EntityManager.
 */
package org.microblog.web.layout;
