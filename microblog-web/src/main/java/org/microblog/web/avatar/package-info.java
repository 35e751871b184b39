/**
 * Users' avatars: where a page gets each one (Avatars), Microblog's own generated image (Identicon) and the servlet
 * that serves it.
 *
 * <p>May use {@code domain.user} and {@code service.account}; nothing here touches an EntityManager.
 */
package org.microblog.web.avatar;
