package org.microblog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private static ClientAddress trusting(String setting) {
        ClientAddress clientAddress = new ClientAddress();
        clientAddress.trustedProxiesSetting = Optional.ofNullable(setting);
        clientAddress.readTrustedProxies();
        return clientAddress;
    }

    @Test
    void withoutTrustedBalancersTheForwardedHeaderIsIgnored() {
        assertEquals("203.0.113.7", trusting(null).of("203.0.113.7", "198.51.100.1"));
    }

    @Test
    void behindATrustedBalancerTheAddressItAppendedCounts() {
        ClientAddress clientAddress = trusting("127.0.0.1");
        assertEquals("198.51.100.1", clientAddress.of("127.0.0.1", "198.51.100.1"));
        assertEquals("198.51.100.1", clientAddress.of("127.0.0.1", "10.6.6.6, 198.51.100.1"), "what the client sent");
    }

    @Test
    void theBalancerIsRecognisedInEverySpellingOfItsAddress() {
        assertEquals("198.51.100.1", trusting("127.0.0.1").of("::ffff:127.0.0.1", "198.51.100.1"));
        assertEquals("198.51.100.1", trusting(" ::1 ,127.0.0.1").of("0:0:0:0:0:0:0:1", "198.51.100.1"));
    }

    @Test
    void aRequestFromElsewhereIsCountedByItsOwnAddressWhateverItSays() {
        assertEquals("203.0.113.7", trusting("127.0.0.1").of("203.0.113.7", "127.0.0.1"));
    }

    @Test
    void aForwardedValueThatIsNoAddressCountsAsTheBalancer() {
        assertEquals("127.0.0.1", trusting("127.0.0.1").of("127.0.0.1", "evil.example.org"));
        assertEquals("127.0.0.1", trusting("127.0.0.1").of("127.0.0.1", "999.1.1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "300.1.1.1", "1.2.3", "abc", ""})
    void onlyAddressLiteralsAreCanonicalNeverNamesToLookUp(String notALiteral) {
        assertEquals(Optional.empty(), ClientAddress.canonical(notALiteral));
    }

    @Test
    void aMistypedTrustedAddressStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> trusting("127.0.0.1, balancer.local"));
    }
}
