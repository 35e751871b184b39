package org.microblog.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What apps ask at start-up that Microblog has none of yet: an empty list, not an error that stops the app. The path
 * names each list exactly: a class path of plain "v1" would take every /api/v1 address from the other resources.
 */
@Path("v1/{list: custom_emojis|trends|trends/tags|trends/statuses|trends/links}")
@Produces(MediaType.APPLICATION_JSON)
public class EmptyListsResource {

    @GET
    public List<Object> none() {
        return List.of();
    }
}
