package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person's preferences as apps read them: every post public, nothing sensitive, nothing hidden. */
@Tag(
        name = "accounts",
        description = "People: their profiles, posts, followers, and following, blocking and muting them")
@Path("v1/preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    ApiCaller caller;

    @GET
    public Map<String, Object> preferences() {
        caller.userId("read:accounts");
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("posting:default:visibility", "public");
        preferences.put("posting:default:sensitive", false);
        preferences.put("posting:default:language", null);
        preferences.put("reading:expand:media", "default");
        preferences.put("reading:expand:spoilers", false);
        return preferences;
    }
}
