package org.microblog.service.account;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.microblog.domain.account.PasswordResetToken;
import org.microblog.domain.oauth.Secrets;
import org.microblog.domain.user.User;
import org.microblog.service.mail.Mail;
import org.microblog.service.mail.Mailer;

/**
 * The background half of {@link PasswordResetService#request}: finds the account, makes its link and sends the mail
 * in the reader's language (English or Spanish, plain text and HTML), after the page has answered. An address
 * without an account, or an account past its throttle, gets nothing, and nobody can tell.
 */
@Stateless
public class PasswordResetMails {

    private static final Logger LOG = Logger.getLogger(PasswordResetMails.class.getName());
    private static final String TEXTS = "org.microblog.service.account.ResetMail";

    @PersistenceContext
    EntityManager em;

    @EJB
    SignInThrottle throttle;

    @EJB
    AccountService accounts;

    @Inject
    Mailer mailer;

    @Inject
    Event<LinkMade> linksMade;

    Clock clock = Clock.systemUTC();

    /** A reset link stored for {@code user}, and its mail, which is sent once the link is committed. */
    public record LinkMade(User user, Mail mail) {}

    /** Sends a new link to the account with {@code email} (in any case), if there is one and it may have another. */
    @Asynchronous
    public void sendLink(String email, Locale language, URI resetPage) {
        User user = accounts.findByEmail(email).orElse(null);
        if (user == null) {
            LOG.fine("Password reset asked for an address no account has");
            return;
        }
        if (!throttle.admitPasswordResetMail(user.getId())) {
            LOG.info(() -> "Password reset mail not sent, too many in the last hour: " + user);
            return;
        }
        String token = Secrets.newSecret();
        em.persist(new PasswordResetToken(token, user.getId(), user.getCredentialsVersion(), clock.instant()));
        String link = resetPage + "?token=" + token;
        linksMade.fire(new LinkMade(user, mail(user, link, language)));
    }

    /**
     * Sends the mail of a link once the link is committed. Sent in the transaction that stores it, the mail could
     * arrive before the commit, and a quick click found no link ("This link can no longer be used").
     */
    public void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkMade made) {
        mailer.send(made.mail());
        LOG.info(() -> "Password reset link sent to " + made.user());
    }

    static Mail mail(User user, String link, Locale language) {
        ResourceBundle texts = ResourceBundle.getBundle(TEXTS, language, PasswordResetMails.class.getClassLoader());
        String subject = texts.getString("subject");
        String text = format(texts.getString("text"), language, user.getUsername(), link);
        String html = format(texts.getString("html"), language, escape(user.getUsername()), escape(link));
        return new Mail(user.getEmail(), subject, text, html);
    }

    private static String format(String pattern, Locale language, Object... arguments) {
        return new MessageFormat(pattern, language).format(arguments);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
