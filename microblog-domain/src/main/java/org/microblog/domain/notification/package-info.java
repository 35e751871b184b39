/**
 * What a user is told about (Notification), as an entity.
 *
 * <p>May use JPA and {@code domain.user}; nothing here knows a page or a service exists.
 */
package org.microblog.domain.notification;
