/**
 * Private messages: sending one (MessageService#send), the list of a person's conversations and one conversation's
 * pages, which mark what they show as read. Blocks apply both ways.
 *
 * <p>May use {@code domain.message}, {@code domain.user}, the account and block services, JPA and the JDK.
 */
package org.microblog.service.message;
