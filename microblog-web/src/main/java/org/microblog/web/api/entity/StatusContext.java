package org.microblog.web.api.entity;

import java.util.List;

/** The posts around a post (Mastodon's Context): always empty, as Microblog has no replies yet. */
public record StatusContext(List<Status> ancestors, List<Status> descendants) {

    public static StatusContext none() {
        return new StatusContext(List.of(), List.of());
    }
}
