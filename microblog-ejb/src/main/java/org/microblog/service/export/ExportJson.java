package org.microblog.service.export;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;

/**
 * The export file's format, made with JSON-P:
 *
 * <pre>{@code
 * {"account": {"username": "susan", "about_me": "...", "created_at": "2026-11-01T09:00:00Z",
 *              "followers_count": 3, "following_count": 2, "posts_count": 2},
 *  "posts": [{"id": 42, "created_at": "2026-12-07T10:15:30Z", "text": "..."}, ...]}
 * }</pre>
 *
 * The posts are newest first. The job writes the account object and each post's object as it goes; the file is put
 * together from them when it is downloaded ({@link #writeFile}). Each piece is a whole JSON value written by JSON-P,
 * so the only JSON written by hand is the frame around them (two names, brackets and commas).
 */
public final class ExportJson {

    /**
     * One factory for every object: {@code Json.createObjectBuilder()} looks the JSON-P provider up again on every call
     * (a ServiceLoader over every jar of the WAR), which was a third of an export's CPU (docs/benchmarks.md).
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ExportJson() {}

    /** The account's public profile, as it is at the start of the export. */
    public static String account(User user) {
        JsonObjectBuilder account = JSON.createObjectBuilder().add("username", user.getUsername());
        user.getAboutMe().ifPresentOrElse(about -> account.add("about_me", about), () -> account.addNull("about_me"));
        return account.add("created_at", time(user.getCreatedAt()))
                .add("followers_count", user.getFollowersCount())
                .add("following_count", user.getFollowingCount())
                .add("posts_count", user.getPostsCount())
                .build()
                .toString();
    }

    /** One post: its id, its time and its text. */
    public static PostJson post(Post post) {
        String json = JSON.createObjectBuilder()
                .add("id", post.getId())
                .add("created_at", time(post.getTimestamp()))
                .add("text", post.getBody())
                .build()
                .toString();
        return new PostJson(post.getId(), TimelineCursor.after(post), json);
    }

    /** Writes the file: the account object, then the posts' objects in the order given. */
    public static void writeFile(String account, Iterator<String> posts, Writer out) throws IOException {
        out.write("{\"account\":");
        out.write(account);
        out.write(",\"posts\":[");
        boolean first = true;
        while (posts.hasNext()) {
            if (!first) {
                out.write(',');
            }
            out.write(posts.next());
            first = false;
        }
        out.write("]}");
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
