package org.microblog.web.whotofollow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.microblog.service.follow.Suggestion;
import org.microblog.web.avatar.Avatars;
import org.omnifaces.util.Faces;

/** The rows of a list of suggestions, for WEB-INF/includes/suggestions.xhtml (the home page and /who-to-follow). */
@Named
@RequestScoped
public class SuggestionRows {

    static final int AVATAR_SIZE = 48;

    @Inject
    Avatars avatars;

    private List<Suggestion> suggestions;

    private List<SuggestionRow> rows;

    /** The rows of {@code suggestions}, made once for a list: ui:repeat asks for its value more than once. */
    public List<SuggestionRow> of(List<Suggestion> suggestions) {
        if (suggestions != this.suggestions) {
            String profiles = Faces.getRequestContextPath() + "/user/";
            rows = suggestions.stream()
                    .map(suggestion -> row(suggestion, profiles))
                    .toList();
            this.suggestions = suggestions;
        }
        return rows;
    }

    private SuggestionRow row(Suggestion suggestion, String profiles) {
        return new SuggestionRow(
                suggestion.username(),
                profiles + suggestion.username(),
                avatars.url(suggestion.userId(), suggestion.email(), AVATAR_SIZE),
                suggestion.isFollowedByFollowings(),
                suggestion.followedBy(),
                suggestion.others(),
                suggestion.followersCount());
    }
}
