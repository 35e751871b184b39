package org.microblog.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microblog.web.security.Requests.request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostbackFilterTest {

    /** A nonce as PrimeFaces makes one. */
    private static String nonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNonceThatPrimeFacesMakesIsWellFormed() {
        for (int i = 0; i < 100; i++) {
            assertTrue(PostbackFilter.isWellFormedNonce(nonce()));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x",
                "ab",
                "a b",
                "!!!!",
                "AAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 48 characters of Base64, not of a UUID
                "MS0xLTEtMS0x", // "1-1-1-1-1", which UUID.fromString would take
                "M2M0NWVmYjEtMTk0OS00MzdlLTllMWEtZWI4NmU2Y2E1NDd!", // one character off Base64
            })
    void aMalformedNonceIsNot(String nonce) {
        assertFalse(PostbackFilter.isWellFormedNonce(nonce));
    }

    @Test
    void noNonceIsNotWellFormed() {
        assertFalse(PostbackFilter.isWellFormedNonce(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jakarta.faces.ViewState",
                "jakarta.faces.partial.ajax",
                "jakarta.faces.source",
                "jakarta.faces.behavior.event",
                "primefaces.nonce"
            })
    void aRequestWithAnyOfFacesPostbackParametersIsAPostback(String parameter) {
        assertTrue(PostbackFilter.isFacesPostback(request("GET", Map.of(parameter, "x"))));
        assertTrue(PostbackFilter.isFacesPostback(request("HEAD", Map.of("q", "1", parameter, ""))));
    }

    @Test
    void aRequestWithTheFacesAjaxHeaderIsAPostback() {
        assertTrue(PostbackFilter.isFacesPostback(request("GET", Map.of(), Map.of("Faces-Request", "partial/ajax"))));
    }

    @Test
    void aPageReadWithItsOwnParametersIsNoPostback() {
        assertFalse(PostbackFilter.isFacesPostback(request("GET", Map.of())));
        assertFalse(PostbackFilter.isFacesPostback(request("GET", Map.of("after", "12", "page", "2", "next", "/x"))));
        assertFalse(PostbackFilter.isFacesPostback(request("POST", Map.of("language", "es"))));
    }
}
