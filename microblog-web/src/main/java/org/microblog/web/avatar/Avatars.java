package org.microblog.web.avatar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.user.User;
import org.omnifaces.util.Faces;

/**
 * Where a user's avatar comes from, for every page: by default Microblog's own generated image ({@link
 * Identicon}, served by {@link AvatarServlet} at {@code /avatars/v1/{id}.svg}), so that no page asks a third
 * party for anything; with {@code microblog.avatars=gravatar}, Gravatar's image of the user's email, as in the
 * tutorial. The Content-Security-Policy follows the choice ({@link #imageSources()}).
 */
@Named
@ApplicationScoped
public class Avatars {

    private static final Logger LOG = Logger.getLogger(Avatars.class.getName());
    static final String GRAVATAR = "gravatar";
    static final String GENERATED = "generated";
    /** Where a page may load Gravatar's images from. */
    static final String GRAVATAR_HOSTS = "https://www.gravatar.com https://secure.gravatar.com";

    private final boolean gravatar;
    /** The generated avatars' URL up to the id, from the first page that shows one (it holds the context path). */
    private volatile String prefix;

    @Inject
    public Avatars(@ConfigProperty(name = "microblog.avatars", defaultValue = GENERATED) String source) {
        String choice = source.strip().toLowerCase(Locale.ROOT);
        if (!choice.equals(GRAVATAR) && !choice.equals(GENERATED)) {
            LOG.warning(
                    () -> "microblog.avatars is '" + source + "', neither 'generated' nor 'gravatar': generated it is");
        }
        this.gravatar = choice.equals(GRAVATAR);
    }

    protected Avatars() {
        // for CDI's proxy
        this.gravatar = false;
    }

    /** Whether avatars come from Gravatar. */
    public boolean isGravatar() {
        return gravatar;
    }

    /** The avatar of {@code user}, for an image shown {@code size} pixels wide. */
    public String of(User user, int size) {
        return url(user.getId(), user.getEmail(), size);
    }

    /** The avatar of the user with this id and email, for an image shown {@code size} pixels wide. */
    public String url(long id, String email, int size) {
        return gravatar ? User.gravatarUrl(email, size) : prefix() + id + ".svg";
    }

    /**
     * The avatar of {@code user} as an absolute address under {@code root} (the application's, ending in "/"), for
     * clients outside a page: the client API, whose apps show bitmaps only (a PNG).
     */
    public String absolute(User user, int size, String root) {
        return gravatar
                ? User.gravatarUrl(user.getEmail(), size)
                : root + AvatarServlet.PATH.substring(1) + "/v" + Identicon.VERSION + "/" + user.getId() + ".png";
    }

    private String prefix() {
        String known = prefix;
        if (known == null) {
            known = Faces.getRequestContextPath() + AvatarServlet.PATH + "/v" + Identicon.VERSION + "/";
            prefix = known;
        }
        return known;
    }

    /** The Content-Security-Policy's {@code img-src}: this site, and Gravatar only when it is the source. */
    public String imageSources() {
        return gravatar ? "'self' " + GRAVATAR_HOSTS : "'self'";
    }
}
