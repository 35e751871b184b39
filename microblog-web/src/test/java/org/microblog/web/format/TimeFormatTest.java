package org.microblog.web.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private final TimeFormat time = new TimeFormat(Clock.fixed(NOW, ZoneOffset.UTC));

    private String ago(Duration elapsed) {
        return time.ago(NOW.minus(elapsed), Locale.ENGLISH);
    }

    @Test
    void recentTimesReadAsWords() {
        assertEquals("just now", ago(Duration.ofSeconds(10)));
        assertEquals("a minute ago", ago(Duration.ofSeconds(70)));
        assertEquals("5 minutes ago", ago(Duration.ofMinutes(5)));
        assertEquals("an hour ago", ago(Duration.ofMinutes(61)));
        assertEquals("3 hours ago", ago(Duration.ofHours(3)));
        assertEquals("yesterday", ago(Duration.ofHours(30)));
        assertEquals("4 days ago", ago(Duration.ofDays(4)));
    }

    @Test
    void olderTimesAreDates() {
        assertEquals("Feb 10, 2026", ago(Duration.ofDays(28)));
    }

    @Test
    void noTimeIsNever() {
        assertEquals("never", time.agoOrNever(null, Locale.ENGLISH));
    }

    @Test
    void inSpanishTimesReadAsSpanishWordsWithTheirPlurals() {
        Locale spanish = Locale.of("es");
        assertEquals("ahora mismo", time.ago(NOW.minusSeconds(10), spanish));
        assertEquals("hace un minuto", time.ago(NOW.minusSeconds(70), spanish));
        assertEquals("hace 5 minutos", time.ago(NOW.minus(Duration.ofMinutes(5)), spanish));
        assertEquals("hace una hora", time.ago(NOW.minus(Duration.ofMinutes(61)), spanish));
        assertEquals("hace 3 horas", time.ago(NOW.minus(Duration.ofHours(3)), spanish));
        assertEquals("ayer", time.ago(NOW.minus(Duration.ofHours(30)), spanish));
        assertEquals("hace 4 d\u00edas", time.ago(NOW.minus(Duration.ofDays(4)), spanish));
        assertEquals("10 feb 2026", time.ago(NOW.minus(Duration.ofDays(28)), spanish));
        assertEquals("nunca", time.agoOrNever(null, spanish));
    }
}
