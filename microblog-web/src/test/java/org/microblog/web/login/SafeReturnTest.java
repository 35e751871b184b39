package org.microblog.web.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeReturnTest {

    @ParameterizedTest
    @ValueSource(strings = {"/user/susan", "/explore?after=1-2", "/user/susan/followers?page=2", "/"})
    void aPathOnThisSiteIsKept(String next) {
        assertEquals(next, SafeReturn.path(next, ""));
    }

    /** Escapes stay escaped: the browser reads {@code /%09/h} as a path on this site. */
    @ParameterizedTest
    @ValueSource(strings = {"/%09/h", "/%2F%2Fh", "/%5Ch"})
    void anEscapedPathIsAPathOnThisSite(String next) {
        assertEquals(next, SafeReturn.path(next, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/microblog/user/susan", "/microblog/"})
    void aPathUnderTheContextRootIsKept(String next) {
        assertEquals(next, SafeReturn.path(next, "/microblog"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/other-app/user/susan", "/microblogger", "/"})
    void aPathOutsideTheContextRootMeansHome(String next) {
        assertEquals("/microblog/", SafeReturn.path(next, "/microblog"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "/http://h/",
                "/https://h",
                "/HTTP://h",
                "/hTTps://h/x",
                "//h",
                "///h",
                "/\\h",
                "\\\\h",
                "/\t/h",
                " //h",
                "/ /h",
                "http://h",
                "https://evil.example/",
                "javascript:alert(1)",
                "/javascript:alert(1)",
                "/:b",
                "user/susan",
                "/user/s\u00fcsan",
                "/user/susan\r\nSet-Cookie: x=1",
                "/%zz"
            })
    void anotherSiteOrAnythingOddMeansHome(String next) {
        assertEquals("/", SafeReturn.path(next, ""), () -> "for " + next);
    }
}
