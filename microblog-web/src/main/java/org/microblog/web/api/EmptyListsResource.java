package org.microblog.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What apps ask at start-up that Microblog has none of yet: an empty list, not an error that stops the app. Each
 * needs a valid token if one is sent (BearerTokens) but no scope: there is nothing to read. The path names each list
 * exactly: a class path of plain "v1" would take every /api/v1 address from the other resources.
 */
@Tag(name = "not yet", description = "What Mastodon has and Microblog not yet: an empty list")
@Path("{list: " + EmptyListsResource.LISTS + "}")
@Produces(MediaType.APPLICATION_JSON)
public class EmptyListsResource {

    static final String LISTS = "v1/custom_emojis|v1/trends|v1/trends/tags|v1/trends/statuses|v1/trends/links"
            + "|v1/lists|v1/filters|v2/filters|v1/announcements|v1/followed_tags|v1/follow_requests|v1/favourites"
            + "|v1/bookmarks|v1/conversations|v1/endorsements|v1/featured_tags|v1/scheduled_statuses|v1/domain_blocks";

    /** {@code list}: which one; its pattern names the alternatives in /openapi. */
    @GET
    public List<Object> none(@PathParam("list") @Parameter(schema = @Schema(pattern = LISTS)) String list) {
        return List.of();
    }
}
