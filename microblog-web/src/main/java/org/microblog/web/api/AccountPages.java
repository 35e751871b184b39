package org.microblog.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.microblog.domain.user.User;
import org.microblog.web.api.entity.Account;
import org.microblog.web.api.entity.Entities;

/**
 * A list of accounts (followers, following, blocked), {@code limit} at a time (40 unless asked, at most 80), most
 * recent first. Its pages are numbered, as on our own pages; apps follow the Link header, which names the next and
 * previous page whatever its parameters.
 */
final class AccountPages {

    static final int DEFAULT_LIMIT = 40;
    static final int MAX_LIMIT = 80;

    /** Up to {@code max} accounts from position {@code first} of the list. */
    @FunctionalInterface
    interface Source {
        List<User> read(int first, int max);
    }

    private AccountPages() {}

    static Response answer(UriInfo uri, Entities entities, Source source) {
        int page = number(uri.getQueryParameters().getFirst("page"), "page", 1, Integer.MAX_VALUE / MAX_LIMIT, 1);
        int limit = number(uri.getQueryParameters().getFirst("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<User> found = source.read((page - 1) * limit, limit + 1);
        String root = Roots.of(uri);
        List<Account> accounts = found.stream()
                .limit(limit)
                .map(user -> entities.account(user, root))
                .toList();
        List<String> links = new ArrayList<>();
        if (found.size() > limit) {
            links.add(link(uri, page + 1, limit, "next"));
        }
        if (page > 1) {
            links.add(link(uri, page - 1, limit, "prev"));
        }
        Response.ResponseBuilder response = Response.ok(accounts);
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }

    private static String link(UriInfo uri, int page, int limit, String rel) {
        return "<"
                + uri.getRequestUriBuilder()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("limit", limit)
                        .build()
                + ">; rel=\"" + rel + "\"";
    }

    private static int number(String value, String name, int least, int most, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Math.clamp(Integer.parseInt(value), least, most);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a number");
        }
    }
}
