package org.microblog.service.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.user.PasswordRules;

/**
 * Hashes and checks passwords with Jakarta Security's PBKDF2 at OWASP's strength for PBKDF2-HMAC-SHA256
 * (600,000 iterations, 32-byte salt and key). The iteration count is the configuration property
 * {@code microblog.password.iterations}; stored hashes carry their own parameters, so raising it later
 * keeps old passwords working.
 *
 * <p>Every hash costs real time by design, so this bean counts them ({@link #hashesComputed()}): an
 * operator's gauge, and how a test proves that a refused sign-in computed none.
 */
@ApplicationScoped
public class Passwords {

    /** The shortest new password: the rule is {@link PasswordRules}'s, this name stays for older callers. */
    public static final int MIN_LENGTH = PasswordRules.MIN_LENGTH;

    /** The longest new password: the rule is {@link PasswordRules}'s, this name stays for older callers. */
    public static final int MAX_LENGTH = PasswordRules.MAX_LENGTH;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "microblog.password.iterations", defaultValue = "600000")
    int iterations;

    /** Verifying against this keeps a sign-in for an unknown user as slow as one for a known user. */
    private String decoy;

    private final AtomicLong computed = new AtomicLong();

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        computed.incrementAndGet();
        decoy = hash.generate("decoy-password".toCharArray());
    }

    public String hash(String password) {
        computed.incrementAndGet();
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        computed.incrementAndGet();
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification, for a user that does not exist. */
    public void spendVerificationTime(String password) {
        computed.incrementAndGet();
        hash.verify(password.toCharArray(), decoy);
    }

    /**
     * How many PBKDF2 computations (hashes made, verifications, decoy verifications, the decoy's own hash at
     * start) this instance has done since it started.
     */
    public long hashesComputed() {
        return computed.get();
    }
}
