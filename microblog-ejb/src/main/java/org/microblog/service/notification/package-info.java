/**
 * Notifications ("X followed you"): made by observing a new follow, counted and read page by page.
 *
 * <p>May use {@code domain.notification}, {@code domain.user}, JPA and {@code service.follow}'s event.
 */
package org.microblog.service.notification;
