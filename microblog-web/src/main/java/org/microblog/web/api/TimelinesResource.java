package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.service.timeline.TimelineService;

/** Timelines: the signed-in person's home timeline, and the public one (every post of the site, explore). */
@Tag(name = "timelines", description = "The home and public timelines")
@Path("v1/timelines")
@Produces(MediaType.APPLICATION_JSON)
public class TimelinesResource {

    @Inject
    TimelineService timelines;

    @Inject
    PostLists lists;

    @Inject
    ApiCaller caller;

    /** The person's own posts and those of the people they follow, newest first, as on their home page. */
    @GET
    @Path("home")
    public Response home(@Context UriInfo uri) {
        long userId = caller.userId("read:statuses");
        return lists.answer(
                Paging.of(uri),
                uri,
                (after, size) -> timelines.home(userId, caller.followingCount(), after, size),
                (since, size, adjacent) -> timelines.homeNewer(userId, since, size, adjacent));
    }

    /**
     * Every post; {@code remote=true} or {@code only_media=true} ask for what Microblog does not have (posts of other
     * servers, posts with media): an empty list.
     */
    @GET
    @Path("public")
    public Response publicTimeline(
            @QueryParam("remote") boolean remote, @QueryParam("only_media") boolean onlyMedia, @Context UriInfo uri) {
        Paging paging = Paging.of(uri);
        if (remote || onlyMedia) {
            return paging.answer(List.of(), false, uri);
        }
        return lists.answer(paging, uri, timelines::explore, timelines::exploreNewer);
    }
}
