package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.post.Post;
import org.microblog.domain.text.TextRules;
import org.microblog.service.post.PostNotFoundException;
import org.microblog.service.post.PostService;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.Status;
import org.microblog.web.api.entity.StatusContext;

/** Statuses: posting, one post, deleting one's own, and the (empty) conversation around one. */
@Tag(name = "statuses", description = "Posting, reading and deleting statuses")
@Path("v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public class StatusesResource {

    @Inject
    PostService posts;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /**
     * Posting as a form. Its fields are read from the servlet request: the site's filters have read the body's
     * parameters before Jersey sees it, and Jersey then fills only {@code @FormParam}s, not a whole form.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Status publish(
            @Context HttpServletRequest form,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        return publish(
                new NewStatus(
                        form.getParameter("status"),
                        Optional.ofNullable(form.getParameter("visibility")),
                        form.getParameterMap().containsKey("media_ids[]")
                                || form.getParameterMap().containsKey("media_ids"),
                        form.getParameterMap().keySet().stream().anyMatch(key -> key.startsWith("poll")),
                        Optional.ofNullable(form.getParameter("in_reply_to_id")).filter(id -> !id.isEmpty()),
                        Optional.ofNullable(form.getParameter("spoiler_text")).filter(text -> !text.isEmpty())),
                Optional.ofNullable(idempotencyKey),
                uri);
    }

    /** Posting as JSON (masto.js sends this). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Status publish(
            JsonObject body, @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        return publish(
                new NewStatus(
                        text(body, "status").orElse(null),
                        text(body, "visibility"),
                        body.get("media_ids") instanceof JsonArray media && !media.isEmpty(),
                        body.containsKey("poll") && !body.isNull("poll"),
                        text(body, "in_reply_to_id").filter(id -> !id.isEmpty()),
                        text(body, "spoiler_text").filter(spoiler -> !spoiler.isEmpty())),
                Optional.ofNullable(idempotencyKey),
                uri);
    }

    @GET
    @Path("{id}")
    public Status status(@PathParam("id") String id, @Context UriInfo uri) {
        return entities.status(post(id), Roots.of(uri), false);
    }

    /** Deletes one of the person's posts; the answer holds its text, for "delete and redraft". */
    @DELETE
    @Path("{id}")
    public Status delete(@PathParam("id") String id, @Context UriInfo uri) {
        long userId = caller.userId("write:statuses");
        try {
            return entities.status(posts.delete(userId, Ids.parse(id)), Roots.of(uri), true);
        } catch (PostNotFoundException e) {
            throw new NotFoundException(e);
        }
    }

    /** The posts before and after it in its conversation: none, as Microblog has no replies yet. */
    @GET
    @Path("{id}/context")
    public StatusContext context(@PathParam("id") String id) {
        post(id);
        return StatusContext.none();
    }

    /** What an app asks to post, as far as Microblog looks at it. */
    private record NewStatus(
            String text,
            Optional<String> visibility,
            boolean media,
            boolean poll,
            Optional<String> inReplyTo,
            Optional<String> spoiler) {}

    /**
     * Publishes the text, or refuses with 422 and what Microblog does not have yet: media, polls, replies, content
     * warnings, and visibilities other than public. Nothing is stored then. With an {@code Idempotency-Key} that the
     * person sent in the last hour, the answer is the status posted then, and nothing is posted again.
     */
    private Status publish(NewStatus status, Optional<String> idempotencyKey, UriInfo uri) {
        long userId = caller.userId("write:statuses");
        if (status.media()) {
            throw new ApiRefusal(422, "Microblog has no media attachments yet");
        }
        if (status.poll()) {
            throw new ApiRefusal(422, "Microblog has no polls yet");
        }
        if (status.inReplyTo().isPresent()) {
            throw new ApiRefusal(422, "Microblog has no replies yet");
        }
        if (status.spoiler().isPresent()) {
            throw new ApiRefusal(422, "Microblog has no content warnings yet");
        }
        if (status.visibility()
                .filter(visibility -> !List.of("public", "").contains(visibility))
                .isPresent()) {
            throw new ApiRefusal(422, "Microblog has only public posts yet");
        }
        String text = status.text() == null ? "" : status.text();
        TextRules.check(text, Post.BODY_MAX, true).ifPresent(refusal -> {
            throw new ApiRefusal(
                    422,
                    switch (refusal) {
                        case BLANK -> "Validation failed: Text can't be blank";
                        case TOO_LONG -> "Validation failed: Text character limit of " + Post.BODY_MAX + " exceeded";
                        case CONTROL_CHARACTER -> "Validation failed: Text holds a control character";
                    });
        });
        if (idempotencyKey.filter(key -> !key.isBlank()).isEmpty()) {
            return entities.status(posts.publish(userId, text), Roots.of(uri), false);
        }
        long id = idempotencyKeys.once(
                userId, idempotencyKey.get(), () -> posts.publish(userId, text).getId());
        return entities.status(posts.find(id).orElseThrow(NotFoundException::new), Roots.of(uri), false);
    }

    private Post post(String id) {
        return posts.find(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    private static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.getOrDefault(name, JsonValue.NULL);
        return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }
}
