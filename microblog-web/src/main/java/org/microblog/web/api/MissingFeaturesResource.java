package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.service.post.PostService;

/**
 * What apps do to a status that Microblog does not have yet: favourites, boosts, bookmarks, pins and mutes of a
 * conversation. A 422 that says so (a 404 for a status that does not exist), and nothing is stored.
 */
@Tag(name = "not yet", description = "What Mastodon has and Microblog not yet: a 422 with a message")
@Path("v1/statuses/{id}/{action: " + MissingFeaturesResource.ACTIONS + "}")
@Produces(MediaType.APPLICATION_JSON)
public class MissingFeaturesResource {

    static final String ACTIONS = "favourite|unfavourite|reblog|unreblog|bookmark|unbookmark|pin|unpin|mute|unmute";

    @Inject
    PostService posts;

    @Inject
    ApiCaller caller;

    @POST
    public void refuse(
            @PathParam("id") String id,
            @PathParam("action") @Parameter(schema = @Schema(pattern = ACTIONS)) String action) {
        caller.userId(scope(action));
        posts.find(Ids.parse(id)).orElseThrow(NotFoundException::new);
        throw new ApiRefusal(422, "Microblog has no " + what(action) + " yet");
    }

    private static String scope(String action) {
        if (action.contains("bookmark")) {
            return "write:bookmarks";
        }
        return action.contains("favourite") ? "write:favourites" : "write:statuses";
    }

    private static String what(String action) {
        String base = action.startsWith("un") ? action.substring(2) : action;
        return switch (base) {
            case "favourite" -> "favourites";
            case "reblog" -> "boosts";
            case "bookmark" -> "bookmarks";
            case "pin" -> "pinned posts";
            default -> "muted conversations";
        };
    }
}
