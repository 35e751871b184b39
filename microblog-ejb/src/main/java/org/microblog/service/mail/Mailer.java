package org.microblog.service.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends e-mail. Where it goes is configuration, the same on every instance: {@code microblog.mail.smtp.host} (and
 * {@code .port}, default 587; {@code .user} and {@code .password}, the password best given as a secret;
 * {@code .starttls}, default true, which then is required) and the sender {@code microblog.mail.from}. With no
 * host, each mail is written as an {@code .eml} file under {@code microblog.mail.directory} (default
 * {@code data/mail}) and the log names the file: {@code ./microblog run} needs no mail server, and the person
 * trying it opens the file to follow its link.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "microblog.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "microblog.mail.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "microblog.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "microblog.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "microblog.mail.smtp.starttls", defaultValue = "true")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "microblog.mail.from", defaultValue = "Microblog <no-reply@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "microblog.mail.directory", defaultValue = "data/mail")
    String directory;

    private Session session;

    @PostConstruct
    void configure() {
        Properties properties = new Properties();
        host.filter(name -> !name.isBlank()).ifPresent(name -> {
            properties.put("mail.smtp.host", name);
            properties.put("mail.smtp.port", String.valueOf(port));
            properties.put("mail.smtp.connectiontimeout", "10000");
            properties.put("mail.smtp.timeout", "10000");
            properties.put("mail.smtp.writetimeout", "10000");
            properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
            properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
            properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        });
        Authenticator login = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.orElse(""), password.orElse(""));
            }
        };
        session = Session.getInstance(properties, login);
    }

    /** Sends {@code mail} now, or writes its file. */
    public void send(Mail mail) {
        try {
            MimeMessage message = message(mail);
            if (host.filter(name -> !name.isBlank()).isPresent()) {
                Transport.send(message);
                LOG.fine(() -> "Mail sent: " + mail.subject());
            } else {
                Path file = Path.of(directory).resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                LOG.info(() -> "No SMTP server configured (microblog.mail.smtp.host): the mail \"" + mail.subject()
                        + "\" is in " + file.toAbsolutePath());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("The mail \"" + mail.subject() + "\" could not be sent", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        return message;
    }
}
