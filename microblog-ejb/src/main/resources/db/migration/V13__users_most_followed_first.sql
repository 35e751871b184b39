-- Who to follow ends with the most-followed people on the site (SuggestionService.mostFollowed): an index that
-- lists users by follower count, so that the query reads a handful of entries instead of sorting every user.
CREATE INDEX users_most_followed ON users (followers_count DESC, id);
