package org.microblog.it.web;

import java.util.concurrent.atomic.AtomicInteger;

/** Usernames no other test (nor an earlier run on the same database) uses. */
public final class Names {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private Names() {}

    public static String unique(String name) {
        return name + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }
}
