/**
 * Users and how they stand with each other: the User entity (with follow and unfollow), its follow links
 * (Follow) and blocks (Block), and the AboutMe constraint.
 *
 * <p>May use JPA, Bean Validation and {@code domain.text}; nothing here knows a page or a service exists.
 */
package org.microblog.domain.user;
