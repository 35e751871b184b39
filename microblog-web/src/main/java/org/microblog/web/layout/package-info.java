/**
 * The layout template's bean (layout.xhtml's menu): signing out, and the notifications link.
 *
 * <p>May use the web module's {@code security}, {@code session}, {@code language} and {@code faces.flash}; nothing
 * here touches an EntityManager.
 */
package org.microblog.web.layout;
