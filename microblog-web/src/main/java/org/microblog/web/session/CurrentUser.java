package org.microblog.web.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;

/**
 * Who is signed in, for this session. The identity always comes from Jakarta Security (the caller
 * principal's name is the user id), never from a form; this holder only remembers the username for the
 * menu and when the user was last recorded as seen.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Last seen is written at most this often per session. */
    static final Duration SEEN_WRITE_INTERVAL = Duration.ofMinutes(1);

    @Inject
    transient SecurityContext security;

    @Inject
    transient AccountService accounts;

    private Long cachedId;
    private String cachedUsername;
    private Instant seenWritten;

    /** The signed-in user's id, or empty for a visitor. */
    public Optional<Long> id() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(principal.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The signed-in user's id; call only where sign-in is required. */
    public long requireId() {
        return id().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    public boolean isSignedIn() {
        return id().isPresent();
    }

    /** The signed-in user's username, or empty for a visitor. */
    public String getUsername() {
        Optional<Long> id = id();
        if (id.isEmpty()) {
            return "";
        }
        if (!id.get().equals(cachedId)) {
            cachedId = id.get();
            cachedUsername = accounts.findById(cachedId).map(User::getUsername).orElse("");
        }
        return cachedUsername;
    }

    /** After the user renamed themself. */
    public void renamed(String username) {
        cachedId = id().orElse(null);
        cachedUsername = username;
    }

    /** Records that the user is active now, with a database write at most once a minute. */
    public void seen(Instant now) {
        Optional<Long> id = id();
        if (id.isPresent() && (seenWritten == null || !now.isBefore(seenWritten.plus(SEEN_WRITE_INTERVAL)))) {
            seenWritten = now;
            accounts.recordSeen(id.get(), now);
        }
    }
}
