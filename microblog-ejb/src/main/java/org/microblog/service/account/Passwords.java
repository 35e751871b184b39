package org.microblog.service.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords with Jakarta Security's PBKDF2 at OWASP's strength for PBKDF2-HMAC-SHA256
 * (600,000 iterations, 32-byte salt and key). The iteration count is the configuration property
 * {@code microblog.password.iterations}; stored hashes carry their own parameters, so raising it later
 * keeps old passwords working.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "microblog.password.iterations", defaultValue = "600000")
    int iterations;

    /** Verifying against this keeps a sign-in for an unknown user as slow as one for a known user. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate("decoy-password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification, for a user that does not exist. */
    public void spendVerificationTime(String password) {
        hash.verify(password.toCharArray(), decoy);
    }
}
