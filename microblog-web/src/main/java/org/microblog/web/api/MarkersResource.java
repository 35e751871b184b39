package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.notification.ReadMarker;
import org.microblog.service.notification.MarkerService;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.Marker;

/**
 * Where the person stopped reading their home timeline and their notifications (Mastodon's markers): read with
 * {@code timeline[]=home&timeline[]=notifications}, moved with {@code home[last_read_id]} and
 * {@code notifications[last_read_id]} (a form) or the same as JSON objects. Moving the notifications marker marks
 * the notifications up to it read.
 */
@Tag(name = "notifications", description = "New followers, and the read position")
@Path("v1/markers")
@Produces(MediaType.APPLICATION_JSON)
public class MarkersResource {

    @Inject
    MarkerService markers;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @GET
    public Map<String, Marker> markers(@QueryParam("timeline[]") List<String> timelines) {
        long me = caller.userId("read:statuses");
        Set<ReadMarker.Timeline> asked = EnumSet.noneOf(ReadMarker.Timeline.class);
        for (ReadMarker.Timeline timeline : ReadMarker.Timeline.values()) {
            if (timelines.contains(name(timeline))) {
                asked.add(timeline);
            }
        }
        return answer(markers.markers(me, asked));
    }

    /** Moving as a form: read from the servlet request, as a status is posted (see StatusesResource). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Marker> move(@Context HttpServletRequest form) {
        return move(timeline -> Optional.ofNullable(form.getParameter(name(timeline) + "[last_read_id]")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Marker> move(JsonObject body) {
        return move(timeline -> Optional.ofNullable(body.get(name(timeline)))
                .filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(value -> value.asJsonObject().get("last_read_id"))
                .map(id -> id instanceof JsonString text ? text.getString() : id.toString()));
    }

    /** The position each list's parameter names ({@code lastReadId}); a list without one keeps its marker. */
    private Map<String, Marker> move(Function<ReadMarker.Timeline, Optional<String>> lastReadId) {
        long me = caller.userId("write:statuses");
        Map<ReadMarker.Timeline, Long> positions = new EnumMap<>(ReadMarker.Timeline.class);
        for (ReadMarker.Timeline timeline : ReadMarker.Timeline.values()) {
            lastReadId.apply(timeline).ifPresent(id -> positions.put(timeline, id(id, timeline)));
        }
        return answer(positions.isEmpty() ? Map.of() : markers.move(me, positions));
    }

    private Map<String, Marker> answer(Map<ReadMarker.Timeline, ReadMarker> found) {
        Map<String, Marker> answer = new LinkedHashMap<>();
        found.forEach((timeline, marker) -> answer.put(name(timeline), entities.marker(marker)));
        return answer;
    }

    private static long id(String value, ReadMarker.Timeline timeline) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiRefusal(422, name(timeline) + "[last_read_id] must be an id");
        }
    }

    private static String name(ReadMarker.Timeline timeline) {
        return timeline.name().toLowerCase(Locale.ROOT);
    }
}
