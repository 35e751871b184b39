package org.microblog.web.api.entity;

import java.util.List;

/**
 * The server as apps see it (Mastodon's Instance, in the API's two versions), and the limits they read from it: 140
 * characters a post, no media, no polls.
 */
public final class Instance {

    private Instance() {}

    /** {@code GET /api/v1/instance}. */
    public record V1(
            String uri,
            String title,
            String shortDescription,
            String description,
            String email,
            String version,
            Urls urls,
            Stats stats,
            String thumbnail,
            List<String> languages,
            boolean registrations,
            boolean approvalRequired,
            boolean invitesEnabled,
            ConfigurationV1 configuration,
            Account contactAccount,
            List<Object> rules) {}

    /** {@code GET /api/v2/instance}. */
    public record V2(
            String domain,
            String title,
            String version,
            String sourceUrl,
            String description,
            Usage usage,
            Thumbnail thumbnail,
            List<String> languages,
            ConfigurationV2 configuration,
            Registrations registrations,
            Contact contact,
            List<Object> rules) {}

    public record Urls(String streamingApi) {}

    public record Stats(long userCount, long statusCount, long domainCount) {}

    public record ConfigurationV1(
            StatusLimits statuses, MediaLimits mediaAttachments, PollLimits polls, AccountLimits accounts) {}

    public record ConfigurationV2(
            StreamingUrls urls,
            AccountLimits accounts,
            StatusLimits statuses,
            MediaLimits mediaAttachments,
            PollLimits polls,
            Translation translation) {}

    public record StreamingUrls(String streaming) {}

    public record StatusLimits(int maxCharacters, int maxMediaAttachments, int charactersReservedPerUrl) {}

    public record MediaLimits(
            List<String> supportedMimeTypes,
            long imageSizeLimit,
            long imageMatrixLimit,
            long videoSizeLimit,
            long videoFrameRateLimit,
            long videoMatrixLimit) {

        public static MediaLimits none() {
            return new MediaLimits(List.of(), 0, 0, 0, 0, 0);
        }
    }

    public record PollLimits(int maxOptions, int maxCharactersPerOption, int minExpiration, int maxExpiration) {

        public static PollLimits none() {
            return new PollLimits(0, 0, 0, 0);
        }
    }

    public record AccountLimits(int maxFeaturedTags, int maxPinnedStatuses) {}

    public record Translation(boolean enabled) {}

    public record Usage(Users users) {}

    public record Users(long activeMonth) {}

    public record Thumbnail(String url) {}

    public record Registrations(boolean enabled, boolean approvalRequired, String message) {}

    public record Contact(String email, Account account) {}
}
