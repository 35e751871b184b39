/**
 * The private messages pages: {@code /messages}, a person's conversations, and {@code /messages/{name}}, the
 * conversation with one person, with its form (MultiViews of messages.xhtml). Rows are records with finished strings.
 */
package org.microblog.web.messages;
