package org.microblog.web.passwordreset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.microblog.domain.user.EmailAddress;
import org.microblog.service.account.PasswordResetService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.login.TooManyAttempts;
import org.microblog.web.security.ClientAddress;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /forgot-password}: whatever address is given, the answer is the same message on the sign-in page, so
 * that nobody learns who is registered; the mail, if any, is sent in the background. Asking is throttled per client
 * address (429 with how long to wait), and the mails per account, silently.
 */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @Inject
    PasswordResetService resets;

    @Inject
    ResetPage resetPage;

    @Inject
    ClientAddress clientAddress;

    @EmailAddress
    private String email;

    public void send() {
        Optional<URI> page = resetPage.address(Faces.getRequest());
        Optional<Duration> wait = page.isEmpty()
                ? Optional.empty()
                : resets.request(email, clientAddress.of(Faces.getRequest()), Faces.getLocale(), page.get());
        if (wait.isPresent()) {
            TooManyAttempts.answer(wait.get(), "forgot.throttled");
            return;
        }
        FlashMessages.add("flash.resetLinkSent");
        Redirects.toPath("login");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
