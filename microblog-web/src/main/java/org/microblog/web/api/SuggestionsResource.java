package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.follow.SuggestionService;
import org.microblog.web.api.entity.Entities;

/**
 * Who to follow, as on the site's page: people followed by the people the person follows, then the most followed.
 * {@code /api/v2/suggestions} says why of each, {@code /api/v1/suggestions} gives the accounts alone; deleting one
 * leaves that person out of the suggestions from then on (on the site's pages too).
 */
@Tag(name = "suggestions", description = "Who to follow")
@Path("{version: v1|v2}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionsResource {

    static final int DEFAULT_LIMIT = 40;
    static final int MAX_LIMIT = 80;

    @Inject
    SuggestionService suggestions;

    @Inject
    AccountService accounts;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @GET
    public List<?> suggestions(
            @PathParam("version") @Parameter(schema = @Schema(pattern = "v1|v2")) String version,
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        long me = caller.userId("read");
        String root = Roots.of(uri);
        boolean withSources = version.equals("v2");
        return suggestions.suggest(me, 0, Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)).stream()
                .flatMap(suggestion -> accounts.findById(suggestion.userId()).stream()
                        .map(user -> withSources
                                ? entities.suggestion(user, suggestion.isFollowedByFollowings(), root)
                                : entities.account(user, root)))
                .toList();
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> dismiss(@PathParam("id") String id) {
        long me = caller.userId("read");
        try {
            suggestions.dismiss(me, Ids.parse(id));
        } catch (UserNotFoundException e) {
            throw new NotFoundException();
        }
        return Map.of();
    }
}
