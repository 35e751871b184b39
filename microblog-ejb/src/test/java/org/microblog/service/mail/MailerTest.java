package org.microblog.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an SMTP server, mail is written as {@code .eml} files that a mail program opens. */
class MailerTest {

    @TempDir
    Path directory;

    private Mailer withoutSmtpServer() {
        Mailer mailer = new Mailer();
        mailer.host = Optional.empty();
        mailer.user = Optional.empty();
        mailer.password = Optional.empty();
        mailer.port = 587;
        mailer.startTls = true;
        mailer.from = "Microblog <no-reply@localhost>";
        mailer.directory = directory.resolve("mail").toString();
        mailer.configure();
        return mailer;
    }

    @Test
    void withoutAnSmtpHostEachMailIsAnEmlFileWithItsTextAndHtml() throws Exception {
        Mailer mailer = withoutSmtpServer();

        mailer.send(new Mail("ann@example.com", "Elige una contraseña", "Hola, ann: https://x/?t=1", "<p>Hola</p>"));
        mailer.send(new Mail("bob@example.com", "Second", "text", "<p>html</p>"));

        List<Path> files;
        try (Stream<Path> list = Files.list(directory.resolve("mail"))) {
            files = list.sorted().toList();
        }
        assertEquals(2, files.size());
        assertTrue(files.stream().allMatch(file -> file.toString().endsWith(".eml")), files::toString);
        MimeMessage first = files.stream()
                .map(MailerTest::read)
                .filter(message -> subject(message).startsWith("Elige"))
                .findFirst()
                .orElseThrow();
        assertEquals("Elige una contraseña", first.getSubject());
        assertEquals("ann@example.com", first.getAllRecipients()[0].toString());
        assertEquals("Microblog <no-reply@localhost>", first.getFrom()[0].toString());
        Multipart parts = (Multipart) first.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertEquals("Hola, ann: https://x/?t=1", parts.getBodyPart(0).getContent());
        assertEquals("<p>Hola</p>", parts.getBodyPart(1).getContent());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
