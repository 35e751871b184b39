package org.microblog.it.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the whole test run, on port {@code microblog.it.mail-port} of 127.0.0.1, where
 * the suite's server sends its mail (microblog-it/pom.xml, {@code it.mail.options}). It starts when the run starts,
 * before Arquillian's server, and stops when it ends. Tests read what arrived with {@link #awaitMailTo}.
 */
public final class TestMailServer implements LauncherSessionListener {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static volatile GreenMail server;

    /** One mail as it arrived: subject, plain text and HTML. */
    public record Received(String subject, String text, String html) {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Integer port = Integer.getInteger("microblog.it.mail-port");
        if (port != null && server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            server = mail;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The mails to {@code address} so far, oldest first. */
    public static List<Received> mailTo(String address) {
        if (server == null) {
            throw new IllegalStateException("no test mail server: microblog.it.mail-port is not set");
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .map(TestMailServer::read)
                .toList();
    }

    /** Waits (at most 20 s) until {@code count} mails to {@code address} have arrived; returns them all. */
    public static List<Received> awaitMailTo(String address, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Received> mails = mailTo(address);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        count + " mails to " + address + " expected within " + WAIT + ", got " + mails.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            mails = mailTo(address);
        }
        return mails;
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage message) {
        try {
            Multipart parts = (Multipart) message.getContent();
            String text = "";
            String html = "";
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Received(message.getSubject(), text, html);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
