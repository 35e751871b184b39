/**
 * Private messages between two people ({@link Message}): who sent it to whom, its text, when, and whether the
 * recipient has read it.
 *
 * <p>May use JPA, Bean Validation, the text rules of {@code domain.text} and the JDK; nothing here knows a page or a
 * service exists.
 */
package org.microblog.domain.message;
