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
import org.microblog.domain.user.Block;
import org.microblog.service.block.BlockService;
import org.microblog.web.api.entity.Entities;

/** The people the person blocked, most recent first, as on their Blocked page. */
@Tag(
        name = "accounts",
        description = "People: their profiles, posts, followers, and following, blocking and muting them")
@Path("v1/blocks")
@Produces(MediaType.APPLICATION_JSON)
public class BlocksResource {

    @Inject
    BlockService blocks;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @GET
    public Response blocked(@Context UriInfo uri) {
        long me = caller.userId("read:blocks");
        return AccountPages.answer(uri, entities, (first, max) -> blocks.blocked(me, first, max).stream()
                .map(Block::getBlocked)
                .toList());
    }
}
