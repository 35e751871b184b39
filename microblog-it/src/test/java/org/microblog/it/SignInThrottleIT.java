package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.service.account.SignInThrottle;

/**
 * The sign-in and registration throttle against the real database. Every test uses client addresses and
 * usernames of its own; the usernames belong to no account, which the throttle must not care about. The
 * limits are read from the server's configuration, so a test run that changes them still passes.
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

    @EJB
    SignInThrottle throttle;

    @Test
    void anAddressGetsItsAttemptsPerWindowThenWaitsAndOtherAddressesDoNot() {
        int limit = setting("microblog.throttle.sign-in.per-address", 25);
        Duration window = Duration.ofSeconds(setting("microblog.throttle.sign-in.window-seconds", 300));
        String address = uniqueAddress();

        for (int i = 1; i <= limit; i++) {
            assertEquals(Optional.empty(), throttle.admitSignIn(address, uniqueName("guess")), "attempt " + i);
        }
        Duration wait = throttle.admitSignIn(address, uniqueName("guess")).orElseThrow();

        assertTrue(wait.compareTo(window) <= 0 && !wait.isNegative(), () -> "wait " + wait);
        assertTrue(throttle.admitSignIn(address, uniqueName("guess")).isPresent(), "refused attempts count too");
        assertEquals(Optional.empty(), throttle.admitSignIn(uniqueAddress(), uniqueName("guess")));
    }

    @Test
    void anAccountWaitsAfterItsFreeFailuresAndASuccessClearsThem() {
        int free = setting("microblog.throttle.sign-in.free-failures", 5);
        String name = uniqueName("victim");
        String address = uniqueAddress();
        for (int i = 0; i < free; i++) {
            throttle.recordFailure(name);
        }
        assertEquals(Optional.empty(), throttle.admitSignIn(address, name), "the free failures cost nothing");

        throttle.recordFailure(name);
        Duration wait = throttle.admitSignIn(uniqueAddress(), name).orElseThrow();

        assertTrue(
                wait.compareTo(SignInThrottle.FIRST_WAIT) <= 0 && wait.compareTo(Duration.ZERO) > 0,
                () -> "wait " + wait);
        throttle.recordSuccess(name);
        assertEquals(Optional.empty(), throttle.admitSignIn(address, name));
    }

    @Test
    void theAccountIsTheUsernameWhateverItsCaseAndSpaces() {
        int free = setting("microblog.throttle.sign-in.free-failures", 5);
        String name = uniqueName("Alice");
        for (int i = 0; i <= free; i++) {
            throttle.recordFailure(i % 2 == 0 ? name.toUpperCase() : name.toLowerCase());
        }

        assertTrue(throttle.admitSignIn(uniqueAddress(), "  " + name + " ").isPresent());

        throttle.recordSuccess(name.toUpperCase());
        assertEquals(Optional.empty(), throttle.admitSignIn(uniqueAddress(), name.toLowerCase()));
    }

    @Test
    void anAddressGetsItsRegistrationsPerWindowThenWaits() {
        int limit = setting("microblog.throttle.registration.per-address", 5);
        Duration window = Duration.ofSeconds(setting("microblog.throttle.registration.window-seconds", 1800));
        String address = uniqueAddress();

        for (int i = 1; i <= limit; i++) {
            assertEquals(Optional.empty(), throttle.admitRegistration(address), "registration " + i);
        }
        Duration wait = throttle.admitRegistration(address).orElseThrow();

        assertTrue(wait.compareTo(window) <= 0 && !wait.isNegative(), () -> "wait " + wait);
        assertEquals(Optional.empty(), throttle.admitRegistration(uniqueAddress()));
        assertEquals(
                Optional.empty(),
                throttle.admitSignIn(address, uniqueName("guess")),
                "registrations and sign-ins are counted apart");
    }

    @Test
    void concurrentFirstAttemptsForOneKeyAllCountWithoutAnError() throws Exception {
        int limit = setting("microblog.throttle.sign-in.per-address", 25);
        int free = setting("microblog.throttle.sign-in.free-failures", 5);
        int burst = Math.min(8, limit);
        String address = uniqueAddress();
        String name = uniqueName("burst");

        List<Optional<Duration>> answers = Concurrently.runAtOnce(burst, () -> throttle.admitSignIn(address, name));
        Concurrently.runAtOnce(free + 1, () -> {
            throttle.recordFailure(name);
            return null;
        });

        assertTrue(answers.stream().allMatch(Optional::isEmpty), () -> "answers: " + answers);
        assertTrue(throttle.admitSignIn(uniqueAddress(), name).isPresent(), "every failure counted");
        throttle.recordSuccess(name);
        for (int i = burst + 1; i <= limit; i++) {
            assertEquals(Optional.empty(), throttle.admitSignIn(address, name), "attempt " + i);
        }
        assertTrue(throttle.admitSignIn(address, name).isPresent(), "every attempt of the burst counted");
    }

    @Test
    void absurdlyLongUsernamesAreThrottledLikeOthers() {
        int free = setting("microblog.throttle.sign-in.free-failures", 5);
        String name = uniqueName("long").repeat(200);
        for (int i = 0; i <= free; i++) {
            throttle.recordFailure(name);
        }

        assertTrue(throttle.admitSignIn(uniqueAddress(), name.toUpperCase()).isPresent());
    }

    private static int setting(String name, int defaultValue) {
        Config config = ConfigProvider.getConfig(); // the server's: this runs inside it
        return config.getOptionalValue(name, Integer.class).orElse(defaultValue);
    }

    /** An address from the IPv6 documentation range, different in every test. */
    private static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8::" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000));
    }

    private static String uniqueName(String name) {
        return name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
