package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.api.entity.Account;
import org.microblog.web.api.entity.Entities;

/** Accounts: one by id or by name, and its posts. */
@Path("v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    AccountService accounts;

    @Inject
    TimelineService timelines;

    @Inject
    PostLists lists;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    /** The person the token acts for, with what they can edit ({@code source}). */
    @GET
    @Path("verify_credentials")
    public JsonObject verifyCredentials(@Context UriInfo uri) {
        User user = accounts.getById(caller.userId("read:accounts"));
        return JsonConfig.withField(
                entities.account(user, Roots.of(uri)),
                "source",
                Account.Source.of(user.getAboutMe().orElse("")));
    }

    @GET
    @Path("{id}")
    public Account account(@PathParam("id") String id, @Context UriInfo uri) {
        return entities.account(user(id), Roots.of(uri));
    }

    /**
     * The account named {@code acct}: a username, or {@code username@domain} with this site's domain (the one the
     * client used); any other domain names nobody here (Microblog does not federate).
     */
    @GET
    @Path("lookup")
    public Account lookup(@QueryParam("acct") String acct, @Context UriInfo uri) {
        String name = Optional.ofNullable(acct).orElse("").strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        int at = name.indexOf('@');
        if (at >= 0) {
            if (!name.substring(at + 1).equalsIgnoreCase(uri.getBaseUri().getAuthority())
                    && !name.substring(at + 1).equalsIgnoreCase(uri.getBaseUri().getHost())) {
                throw new NotFoundException();
            }
            name = name.substring(0, at);
        }
        return entities.account(accounts.findByUsername(name).orElseThrow(NotFoundException::new), Roots.of(uri));
    }

    /**
     * The account's posts, newest first. It has no pinned posts, replies, boosts or media, so {@code pinned=true} and
     * {@code only_media=true} are an empty list, and the rest of Mastodon's filters change nothing.
     */
    @GET
    @Path("{id}/statuses")
    public Response statuses(
            @PathParam("id") String id,
            @QueryParam("pinned") boolean pinned,
            @QueryParam("only_media") boolean onlyMedia,
            @Context UriInfo uri) {
        long authorId = user(id).getId();
        Paging paging = Paging.of(uri);
        if (pinned || onlyMedia) {
            return paging.answer(List.of(), false, uri);
        }
        return lists.answer(
                paging,
                uri,
                (after, size) -> timelines.byAuthor(authorId, after, size),
                (since, size, adjacent) -> timelines.byAuthorNewer(authorId, since, size, adjacent));
    }

    private User user(String id) {
        return accounts.findById(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
