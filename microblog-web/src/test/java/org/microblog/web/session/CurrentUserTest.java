package org.microblog.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microblog.service.account.AccountService;

class CurrentUserTest {

    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");

    /** Counts the "last seen" writes instead of making them. */
    static final class RecordingAccounts extends AccountService {
        final List<Instant> writes = new ArrayList<>();

        @Override
        public void recordSeen(long userId, Instant moment) {
            writes.add(moment);
        }
    }

    /** Jakarta Security as it is for a signed-in user with id 7, or for a visitor. */
    record Caller(Principal principal) implements SecurityContext {
        @Override
        public Principal getCallerPrincipal() {
            return principal;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return principal != null;
        }

        @Override
        public Set<String> getAllDeclaredCallerRoles() {
            return Set.of();
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return true;
        }

        @Override
        public AuthenticationStatus authenticate(
                HttpServletRequest request, HttpServletResponse response, AuthenticationParameters parameters) {
            throw new UnsupportedOperationException();
        }
    }

    private static CurrentUser currentUser(Principal principal, RecordingAccounts accounts) {
        CurrentUser user = new CurrentUser();
        user.security = new Caller(principal);
        user.accounts = accounts;
        return user;
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinuteWhileTheUserMovesAround() {
        RecordingAccounts accounts = new RecordingAccounts();
        CurrentUser user = currentUser(() -> "7", accounts);

        for (int second = 0; second <= 150; second += 5) {
            user.seen(START.plusSeconds(second));
        }

        assertEquals(
                List.of(START, START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(2))), accounts.writes);
    }

    @Test
    void aVisitorIsNeverRecorded() {
        RecordingAccounts accounts = new RecordingAccounts();
        CurrentUser visitor = currentUser(null, accounts);

        visitor.seen(START);

        assertEquals(List.of(), accounts.writes);
        assertEquals("", visitor.getUsername());
    }
}
