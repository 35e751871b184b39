package org.microblog.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.microblog.web.api.entity.Status;

/**
 * A list's paging parameters as Mastodon's clients send them, and the Link header that names the pages around the
 * answer. {@code max_id}: older than that post; {@code since_id}: the newest posts newer than it; {@code min_id}: the
 * posts right after it (to page back towards the newest); {@code limit}: how many, 20 unless asked, at most 40.
 */
public record Paging(OptionalLong maxId, OptionalLong sinceId, OptionalLong minId, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 40;

    /** The parameters of this request for a list of statuses; a value that is not a number is a 400 with a message. */
    public static Paging of(UriInfo uri) {
        return of(uri, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The parameters of this request, {@code limit} being {@code defaultLimit} unless asked, at most {@code maxLimit}. */
    public static Paging of(UriInfo uri, int defaultLimit, int maxLimit) {
        var query = uri.getQueryParameters();
        return new Paging(
                id(query.getFirst("max_id"), "max_id"),
                id(query.getFirst("since_id"), "since_id"),
                id(query.getFirst("min_id"), "min_id"),
                limit(query.getFirst("limit"), defaultLimit, maxLimit));
    }

    /** Whether the list goes towards newer posts (since_id or min_id) rather than older ones. */
    public boolean newer() {
        return minId.isPresent() || sinceId.isPresent();
    }

    /**
     * The answer: the statuses, with a Link header naming the next (older) page unless {@code olderExist} is false,
     * and the previous (newer) one; an empty list has neither.
     */
    public Response answer(List<Status> statuses, boolean olderExist, UriInfo uri) {
        return answer(statuses, Status::id, olderExist, uri);
    }

    /** The same for a list of other entities (notifications), newest first, whose ids {@code id} gives. */
    public <T> Response answer(List<T> entities, Function<T, String> id, boolean olderExist, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(entities);
        if (!entities.isEmpty()) {
            List<String> links = new ArrayList<>();
            if (olderExist) {
                links.add(link(uri, "max_id", id.apply(entities.getLast()), "next"));
            }
            links.add(link(uri, "min_id", id.apply(entities.getFirst()), "prev"));
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }

    private String link(UriInfo uri, String name, String id, String rel) {
        var address = uri.getRequestUriBuilder()
                .replaceQueryParam("max_id")
                .replaceQueryParam("since_id")
                .replaceQueryParam("min_id")
                .replaceQueryParam("limit", limit)
                .replaceQueryParam(name, id);
        return "<" + address.build() + ">; rel=\"" + rel + "\"";
    }

    private static OptionalLong id(String value, String name) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a status id");
        }
    }

    /** A {@code limit} parameter: {@code defaultLimit} if absent, else between 1 and {@code maxLimit}; 400 if no number. */
    static int limit(String value, int defaultLimit, int maxLimit) {
        return Optional.ofNullable(value)
                .filter(text -> !text.isEmpty())
                .map(text -> {
                    try {
                        return Math.clamp(Integer.parseInt(text), 1, maxLimit);
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("limit must be a number");
                    }
                })
                .orElse(defaultLimit);
    }
}
