package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.post.Post;
import org.microblog.web.api.entity.Instance;
import org.microblog.web.api.entity.Instance.AccountLimits;
import org.microblog.web.api.entity.Instance.MediaLimits;
import org.microblog.web.api.entity.Instance.PollLimits;
import org.microblog.web.api.entity.Instance.StatusLimits;

/**
 * The server's description, the first thing an app asks. The version says Mastodon 4.0.0 first, as other servers
 * that speak Mastodon's API do: clients choose the features they use by it.
 */
@Tag(name = "instance", description = "The server: name, limits, languages, statistics")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {

    static final String VERSION = "4.0.0 (compatible; Microblog 1.0)";
    private static final String TITLE = "Microblog";
    private static final String DESCRIPTION =
            "A social microblog built on Jakarta EE: short posts, follows, and a home timeline.";
    private static final List<String> LANGUAGES = List.of("en", "es");
    private static final StatusLimits STATUSES = new StatusLimits(Post.BODY_MAX, 0, 23);
    private static final AccountLimits ACCOUNTS = new AccountLimits(0, 0);

    @Inject
    SiteCounts counts;

    @GET
    @Path("v1/instance")
    public Instance.V1 v1(@Context UriInfo uri) {
        SiteCounts.Counts now = counts.current();
        return new Instance.V1(
                uri.getBaseUri().getAuthority(),
                TITLE,
                DESCRIPTION,
                DESCRIPTION,
                "",
                VERSION,
                new Instance.Urls(streaming(uri)),
                new Instance.Stats(now.users(), now.posts(), 0),
                null,
                LANGUAGES,
                true,
                false,
                false,
                new Instance.ConfigurationV1(STATUSES, MediaLimits.none(), PollLimits.none(), ACCOUNTS),
                null,
                List.of());
    }

    @GET
    @Path("v2/instance")
    public Instance.V2 v2(@Context UriInfo uri) {
        return new Instance.V2(
                uri.getBaseUri().getAuthority(),
                TITLE,
                VERSION,
                // no public repository yet: the site itself
                Roots.of(uri),
                DESCRIPTION,
                new Instance.Usage(new Instance.Users(counts.current().users())),
                new Instance.Thumbnail(Roots.of(uri) + "headers/missing.png"),
                LANGUAGES,
                new Instance.ConfigurationV2(
                        new Instance.StreamingUrls(streaming(uri)),
                        ACCOUNTS,
                        STATUSES,
                        MediaLimits.none(),
                        PollLimits.none(),
                        new Instance.Translation(false)),
                new Instance.Registrations(true, false, null),
                new Instance.Contact("", null),
                List.of());
    }

    /** Where Mastodon streams: this site's address as ws(s), though Microblog has no streaming (apps poll then). */
    private static String streaming(UriInfo uri) {
        return Roots.of(uri).replaceFirst("^http", "ws").replaceAll("/$", "");
    }
}
