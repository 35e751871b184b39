package org.microblog.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the server logs while a test inside it does something. */
final class ServerLog {

    /** Something a test does, which may throw. */
    interface Action<T> {
        T run() throws Exception;
    }

    /** What {@code action} answered, and what was logged meanwhile. */
    record Recorded<T>(T answer, List<LogRecord> records) {}

    private ServerLog() {}

    /** Records what {@code logger} (and the loggers below it; "" for all) logs while {@code action} runs. */
    static <T> Recorded<T> during(String logger, Action<T> action) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger watched = Logger.getLogger(logger);
        watched.addHandler(recorder);
        try {
            T answer = action.run();
            return new Recorded<>(answer, records);
        } finally {
            watched.removeHandler(recorder);
        }
    }
}
