package org.microblog.web.apps;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.microblog.domain.oauth.AccessToken;
import org.microblog.service.oauth.TokenService;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * Backs {@code /apps} (signed-in people only, see web.xml): every access the person gave an app, newest first, with
 * its scopes, and Revoke, which ends that token at once (the app's next request is a 401). Whose list it is comes
 * from the signed-in user only; Revoke names the token ({@code target}), and another person's is left alone.
 */
@Named
@RequestScoped
public class AppsBacking {

    @Inject
    TokenService tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "target")
    String target;

    private List<Row> rows;

    /** One access: the app, its website (empty if none), the scopes and since when. */
    public record Row(long id, String app, String website, String scopes, Instant since) {}

    public List<Row> getRows() {
        if (rows == null) {
            rows = tokens.tokensOf(currentUser.requireId()).stream()
                    .map(this::row)
                    .toList();
        }
        return rows;
    }

    public void revoke() {
        try {
            tokens.revokeFor(currentUser.requireId(), Long.parseLong(target == null ? "" : target));
            Messages.addGlobalInfo("apps.revoked");
            rows = null;
        } catch (NumberFormatException e) {
            Messages.addGlobalError("person.noTarget");
        }
    }

    private Row row(AccessToken token) {
        return new Row(
                token.getId(),
                token.getApp().getName(),
                token.getApp().getWebsite().orElse(""),
                token.getScopes().text(),
                token.getCreatedAt());
    }
}
