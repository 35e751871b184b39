package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.user.Follow;
import org.microblog.service.mute.MuteService;
import org.microblog.web.api.entity.Entities;

/** The people the person muted (people they follow, whose posts stay off their home timeline), newest follow first. */
@Tag(
        name = "accounts",
        description = "People: their profiles, posts, followers, and following, blocking and muting them")
@Path("v1/mutes")
@Produces(MediaType.APPLICATION_JSON)
public class MutesResource {

    @Inject
    MuteService mutes;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @GET
    public Response muted(@Context UriInfo uri) {
        long me = caller.userId("read:mutes");
        return AccountPages.answer(uri, entities, (first, max) -> mutes.muted(me, first, max).stream()
                .map(Follow::getFollowed)
                .toList());
    }
}
