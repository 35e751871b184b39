/**
 * E-mail to the people of the site: {@link Mailer} sends a {@link Mail} through the SMTP server the configuration
 * names (Jakarta Mail, built into Payara), or, with none named, writes it as an {@code .eml} file that the log names,
 * so that a site tried on one's own machine needs no mail server.
 *
 * <p>May use Jakarta Mail, MicroProfile Config and the JDK; it knows nothing of accounts or pages.
 */
package org.microblog.service.mail;
