package org.microblog.web.api;

import jakarta.ws.rs.NotFoundException;

/** A record's id in a path: a decimal number, else no record has it (404, as Mastodon answers). */
final class Ids {

    private Ids() {}

    static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }
}
