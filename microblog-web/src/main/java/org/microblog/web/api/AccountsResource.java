package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.mute.MuteService;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.api.entity.Account;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.Relationship;

/**
 * Accounts: one by id or by name, its posts, the person's own ({@code verify_credentials}), and what the person does
 * to another: follow, block, mute and their undoing, and how they stand ({@code relationships}).
 */
@Tag(
        name = "accounts",
        description = "People: their profiles, posts, followers, and following, blocking and muting them")
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

    @Inject
    FollowService follows;

    @Inject
    BlockService blocks;

    @Inject
    MuteService mutes;

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

    /**
     * Changes what the person says about themself ({@code note}, plain text). Microblog has no display names, avatars
     * to upload, headers or profile fields: those parameters are ignored, as Mastodon ignores what it does not know.
     * Sent as a form (apps send multipart, for the images) or as JSON.
     */
    @PATCH
    @Path("update_credentials")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public JsonObject updateCredentials(@FormParam("note") String note, @Context UriInfo uri) {
        return updated(Optional.ofNullable(note), uri);
    }

    @PATCH
    @Path("update_credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject updateCredentials(JsonObject body, @Context UriInfo uri) {
        return updated(
                Optional.ofNullable(body.get("note"))
                        .filter(JsonString.class::isInstance)
                        .map(note -> ((JsonString) note).getString()),
                uri);
    }

    private JsonObject updated(Optional<String> note, UriInfo uri) {
        long me = caller.userId("write:accounts");
        User user = accounts.getById(me);
        if (note.isPresent()) {
            accounts.updateProfile(me, user.getUsername(), note.get().isBlank() ? null : note.get());
        }
        return verifyCredentials(uri);
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

    /** Who follows the account, most recent first (for a signed-in app, as the followers page is for people). */
    @GET
    @Path("{id}/followers")
    public Response followers(@PathParam("id") String id, @Context UriInfo uri) {
        caller.userId("read:accounts");
        long userId = user(id).getId();
        return AccountPages.answer(uri, entities, (first, max) -> follows.followers(userId, first, max).stream()
                .map(Follow::getFollower)
                .toList());
    }

    /** Whom the account follows, most recent first. */
    @GET
    @Path("{id}/following")
    public Response following(@PathParam("id") String id, @Context UriInfo uri) {
        caller.userId("read:accounts");
        long userId = user(id).getId();
        return AccountPages.answer(uri, entities, (first, max) -> follows.following(userId, first, max).stream()
                .map(Follow::getFollowed)
                .toList());
    }

    /** How the person stands with each of the accounts {@code id[]} (unknown ids are left out). */
    @GET
    @Path("relationships")
    public List<Relationship> relationships(
            @QueryParam("id[]") List<String> ids, @QueryParam("id") List<String> plain) {
        long me = caller.userId("read:follows");
        List<Long> asked = Stream.concat(ids.stream(), plain.stream())
                .distinct()
                .limit(Paging.MAX_LIMIT)
                .map(id -> {
                    try {
                        return Optional.of(Long.parseLong(id));
                    } catch (NumberFormatException e) {
                        return Optional.<Long>empty();
                    }
                })
                .flatMap(Optional::stream)
                .toList();
        return relationships(me, asked);
    }

    @POST
    @Path("{id}/follow")
    public Relationship follow(@PathParam("id") String id) {
        return act(id, "write:follows", follows::follow);
    }

    @POST
    @Path("{id}/unfollow")
    public Relationship unfollow(@PathParam("id") String id) {
        return act(id, "write:follows", follows::unfollow);
    }

    @POST
    @Path("{id}/remove_from_followers")
    public Relationship removeFromFollowers(@PathParam("id") String id) {
        return act(id, "write:follows", blocks::removeFollower);
    }

    @POST
    @Path("{id}/block")
    public Relationship block(@PathParam("id") String id) {
        return act(id, "write:blocks", blocks::block);
    }

    @POST
    @Path("{id}/unblock")
    public Relationship unblock(@PathParam("id") String id) {
        return act(id, "write:blocks", blocks::unblock);
    }

    /** Microblog mutes only someone followed (their posts leave the home timeline); anyone else is a 422. */
    @POST
    @Path("{id}/mute")
    public Relationship mute(@PathParam("id") String id) {
        return act(id, "write:mutes", mutes::mute);
    }

    @POST
    @Path("{id}/unmute")
    public Relationship unmute(@PathParam("id") String id) {
        return act(id, "write:mutes", mutes::unmute);
    }

    /** One of the person's actions on account {@code id} (a service's refusal is a 422 with its message). */
    private Relationship act(String id, String scope, BiPredicate<Long, String> action) {
        long me = caller.userId(scope);
        User other = user(id);
        action.test(me, other.getUsername());
        return relationships(me, List.of(other.getId())).getFirst();
    }

    /**
     * How {@code me} stands with each of {@code ids} that is an account, in their order: six queries for the whole
     * list (each a set of ids), not six per account.
     */
    private List<Relationship> relationships(long me, List<Long> ids) {
        Set<Long> existing = accounts.existingAmong(ids);
        Set<Long> following = new HashSet<>(follows.followedAmong(me, ids));
        Set<Long> followedBy = new HashSet<>(follows.followersAmong(me, ids));
        Set<Long> blocking = blocks.blockedAmong(me, ids);
        Set<Long> blockedBy = blocks.blockersAmong(me, ids);
        Set<Long> muting = mutes.mutedAmong(me, ids);
        // every user's link to themself is in the followers table; nobody follows themself for an app
        following.remove(me);
        followedBy.remove(me);
        return ids.stream()
                .filter(existing::contains)
                .map(other -> new Relationship(
                        String.valueOf(other),
                        following.contains(other),
                        following.contains(other),
                        false,
                        followedBy.contains(other),
                        blocking.contains(other),
                        blockedBy.contains(other),
                        muting.contains(other),
                        false,
                        false,
                        false,
                        false,
                        false,
                        ""))
                .toList();
    }

    private User user(String id) {
        return accounts.findById(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
