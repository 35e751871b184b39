package org.microblog.web.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.microblog.web.language.Texts;

/**
 * Times as people read them: "3 minutes ago" for post times and last seen, a date for "following
 * since", a date and time for "kept until". Pages use it as {@code #{time.ago(post.timestamp)}}; times are shown in UTC.
 */
@Named("time")
@ApplicationScoped
public class TimeFormat {

    private final Clock clock;

    public TimeFormat() {
        this(Clock.systemUTC());
    }

    TimeFormat(Clock clock) {
        this.clock = clock;
    }

    /** How long ago {@code moment} was, in words from the bundle; older than a week: the date. */
    public String ago(Instant moment) {
        return ago(moment, Texts.currentLocale());
    }

    /** {@link #ago(Instant)}, or "never" when there is no moment. */
    public String agoOrNever(Instant moment) {
        return agoOrNever(moment, Texts.currentLocale());
    }

    String agoOrNever(Instant moment, Locale locale) {
        return moment == null ? Texts.format(locale, "time.never") : ago(moment, locale);
    }

    String ago(Instant moment, Locale locale) {
        Duration elapsed = Duration.between(moment, clock.instant());
        if (elapsed.toSeconds() < 45) {
            return Texts.format(locale, "time.justNow");
        }
        if (elapsed.toMinutes() < 60) {
            return Texts.format(locale, "time.minutesAgo", Math.max(1, elapsed.toMinutes()));
        }
        if (elapsed.toHours() < 24) {
            return Texts.format(locale, "time.hoursAgo", elapsed.toHours());
        }
        if (elapsed.toDays() < 7) {
            return Texts.format(locale, "time.daysAgo", elapsed.toDays());
        }
        return date(moment, locale);
    }

    /** The calendar date of {@code moment}. */
    public String date(Instant moment) {
        return date(moment, Texts.currentLocale());
    }

    String date(Instant moment, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneOffset.UTC)
                .format(moment);
    }

    /** The date and the time of day of {@code moment}, in UTC (said so), for "kept until". */
    public String dateTime(Instant moment) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Texts.currentLocale())
                        .withZone(ZoneOffset.UTC)
                        .format(moment)
                + " UTC";
    }

    /** The exact time, machine-readable, for {@code <time datetime>} and tooltips. */
    public String iso(Instant moment) {
        return DateTimeFormatter.ISO_INSTANT.format(moment);
    }
}
