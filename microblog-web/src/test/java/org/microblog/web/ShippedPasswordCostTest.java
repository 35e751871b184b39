package org.microblog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.microblog.service.account.Passwords;

/**
 * The password-hash cost Microblog ships: OWASP's 600,000 PBKDF2-HMAC-SHA256 iterations, in the WAR's configuration
 * and as the default of {@link Passwords} itself. The suite's server hashes with far fewer
 * ({@code it.password.iterations} in microblog-it's pom), so this is where the real figure is held.
 */
class ShippedPasswordCostTest {

    private static final String ITERATIONS = "microblog.password.iterations";
    private static final String OWASP = "600000";

    @Test
    void theWarsConfigurationAsksOwaspsIterations() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the WAR's microprofile-config.properties");
            shipped.load(in);
        }

        assertEquals(OWASP, shipped.getProperty(ITERATIONS));
    }

    @Test
    void passwordsFallBackToOwaspsIterationsWithoutConfiguration() throws NoSuchFieldException {
        ConfigProperty property = Passwords.class.getDeclaredField("iterations").getAnnotation(ConfigProperty.class);

        assertEquals(ITERATIONS, property.name());
        assertEquals(OWASP, property.defaultValue());
    }
}
