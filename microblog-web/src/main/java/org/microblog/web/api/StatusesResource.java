package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.microblog.domain.post.Post;
import org.microblog.service.post.PostService;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.Status;
import org.microblog.web.api.entity.StatusContext;

/** Statuses: one post, and the (empty) conversation around it. */
@Path("v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public class StatusesResource {

    @Inject
    PostService posts;

    @Inject
    Entities entities;

    @GET
    @Path("{id}")
    public Status status(@PathParam("id") String id, @Context UriInfo uri) {
        return entities.status(post(id), Roots.of(uri), false);
    }

    /** The posts before and after it in its conversation: none, as Microblog has no replies yet. */
    @GET
    @Path("{id}/context")
    public StatusContext context(@PathParam("id") String id) {
        post(id);
        return StatusContext.none();
    }

    private Post post(String id) {
        return posts.find(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
