package org.microblog.web.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private static final Duration SUMMARY = Duration.ofSeconds(30);
    private static final SQLException REFUSED =
            new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
    private static final SQLException LOST = new SQLException("An I/O error occurred", "08006");

    private final Logger logger = Logger.getLogger(OutageLog.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            assertEquals(null, record.getThrown(), "no stack trace");
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final OutageLog log = new OutageLog(
            new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            },
            SUMMARY);

    @BeforeEach
    void record() {
        logger.addHandler(recorder);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopRecording() {
        logger.removeHandler(recorder);
        logger.setUseParentHandlers(true);
    }

    @Test
    void aThousandRefusalsOfOneKindAreOneLineThenASummaryEveryIntervalAndOneLineAtTheEnd() {
        assertTrue(log.failed("503 for GET /", REFUSED, true), "began");
        for (int second = 1; second <= 65; second++) {
            now = now.plusSeconds(1);
            for (int i = 0; i < 15; i++) {
                assertFalse(log.failed("503 for GET /explore", REFUSED, true));
            }
            log.tick();
        }
        now = now.plusSeconds(2);
        assertTrue(log.answered(), "ended");

        assertEquals(4, lines.size(), lines::toString);
        assertEquals(
                "Database unavailable (SQLSTATE 08001), 503 for GET /; a summary every 30 s until it answers:"
                        + " Connection to 127.0.0.1:5432 refused",
                lines.get(0));
        assertEquals(
                "Database still unavailable after 30 s: 437 requests refused in the last 30 s, 437 in all",
                lines.get(1));
        assertEquals(
                "Database still unavailable after 60 s: 450 requests refused in the last 30 s, 887 in all",
                lines.get(2));
        assertEquals("Database available again after 67 s: 976 requests refused in all", lines.get(3));
    }

    @Test
    void eachKindOfFailureHasItsFirstLine() {
        log.failed("readiness DOWN", REFUSED, false);
        log.failed("503 for GET /", LOST, true);
        log.failed("503 for GET /", LOST, true);
        log.failed("readiness DOWN", REFUSED, false);

        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("Database unavailable (SQLSTATE 08001), readiness DOWN"), lines::toString);
        assertTrue(lines.get(1).startsWith("Database unavailable (SQLSTATE 08006), 503 for GET /"), lines::toString);
    }

    @Test
    void theDatabaseAnsweringWhenNothingFailedLogsNothing() {
        assertFalse(log.answered());
        log.tick();

        assertEquals(List.of(), lines);
    }

    @Test
    void aNewOutageAfterTheEndIsLoggedAfresh() {
        log.failed("503 for GET /", REFUSED, true);
        log.answered();
        assertTrue(log.failed("503 for GET /", REFUSED, true), "began again");

        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(2).startsWith("Database unavailable (SQLSTATE 08001)"), lines::toString);
    }
}
