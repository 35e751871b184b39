/**
 * The page {@code /notifications} (notifications.xhtml): the signed-in user's notifications, newest first.
 *
 * <p>May use {@code service.notification} and the web module's {@code paging} and {@code session}; nothing here
 * touches an EntityManager.
 */
package org.microblog.web.notifications;
