package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.oauth.AuthorizationCode;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.domain.oauth.Scopes;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.oauth.AppService;
import org.microblog.service.oauth.TokenService;

/** Codes and tokens in the service itself: what the HTTP tests cannot reach, such as a code past its ten minutes. */
@ExtendWith(ArquillianExtension.class)
class TokenServiceIT {

    private static final String CALLBACK = "https://app.example/callback";
    private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789abcdef";

    @EJB
    Fixtures fixtures;

    @EJB
    AppService apps;

    @EJB
    TokenService tokens;

    @EJB
    AccountService accounts;

    @EJB
    FollowService follows;

    @Test
    void aCodePastItsTenMinutesGivesNoTokenAndIsGoneAfterwards() {
        OAuthApp app = apps.register("Clock", CALLBACK, "read", null).record();
        User ann = fixtures.user("ann");
        String code = code(app, ann);
        fixtures.expireCodesOf(ann.getId(), AuthorizationCode.LIFETIME.plusSeconds(1));

        assertEquals(Optional.empty(), tokens.exchange(app, code, CALLBACK, VERIFIER));
        fixtures.expireCodesOf(ann.getId(), AuthorizationCode.LIFETIME.negated()); // were it still there, valid again
        assertEquals(Optional.empty(), tokens.exchange(app, code, CALLBACK, VERIFIER), "spent by the first try");
    }

    @Test
    void aCodeWithinItsTimeGivesOneTokenThatStandsUntilThePersonsCredentialsChange() {
        OAuthApp app = apps.register("Clock", CALLBACK, "read write", null).record();
        User ann = fixtures.user("ann");
        String code = code(app, ann);
        fixtures.expireCodesOf(ann.getId(), AuthorizationCode.LIFETIME.minusSeconds(30));

        String token =
                tokens.exchange(app, code, CALLBACK, VERIFIER).orElseThrow().secret();
        assertTrue(tokens.authenticate(token).isPresent());
        assertEquals(
                Optional.of(ann.getId()),
                tokens.authenticate(token).orElseThrow().getUserId());

        accounts.endAllSessions(ann.getId());
        assertTrue(tokens.authenticate(token).isEmpty(), "ended with the sessions");
    }

    @Test
    void aBearerCarriesItsPersonsFollowingCountAndAnAppsOwnTokenActsForNobody() {
        OAuthApp app = apps.register("Clock", CALLBACK, "read", null).record();
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User cy = fixtures.user("cy");
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), cy.getUsername());
        String token = tokens.exchange(app, code(app, ann), CALLBACK, VERIFIER)
                .orElseThrow()
                .secret();
        String appsOwn = tokens.forApp(app, Scopes.parse("read").orElseThrow()).secret();

        assertEquals(2, tokens.bearer(token).orElseThrow().followingCount());
        assertEquals(
                Optional.empty(), tokens.bearer(appsOwn).orElseThrow().token().getUserId());
        assertEquals(0, tokens.bearer(appsOwn).orElseThrow().followingCount());
        assertEquals(Optional.empty(), tokens.bearer("not-a-token"));

        accounts.endAllSessions(ann.getId());
        assertEquals(Optional.empty(), tokens.bearer(token), "ended with the sessions");
        assertTrue(tokens.bearer(appsOwn).isPresent(), "an app's own token has no person's sessions to end with");
    }

    @Test
    void aCodeIssuedBeforeAPasswordChangeGivesNoToken() {
        OAuthApp app = apps.register("Clock", CALLBACK, "read", null).record();
        User ann = fixtures.user("ann");
        String code = code(app, ann);
        accounts.endAllSessions(ann.getId());

        assertEquals(Optional.empty(), tokens.exchange(app, code, CALLBACK, VERIFIER));
    }

    private String code(OAuthApp app, User user) {
        return tokens.issueCode(
                app,
                user.getId(),
                CALLBACK,
                Scopes.parse("read").orElseThrow(),
                Optional.of(AuthorizationCode.s256(VERIFIER)));
    }
}
