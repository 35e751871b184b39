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

    /** Escapes in the query stay as they are: the page that reads the query decodes them. */
    @ParameterizedTest
    @ValueSource(strings = {"/explore?after=%2F%2Fh", "/user/susan?x=%5Ch%0D%0A", "/user/susan#%2F"})
    void anEscapeInTheQueryIsKept(String next) {
        assertEquals(next, SafeReturn.path(next, ""));
    }

    /**
     * An escape in the path means home: Payara answers {@code /%5Ch} with a bare 400 of its own, and the others
     * hide a separator or a control character that no path of this site has.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%5Cevil.test",
                "/%5cevil.test",
                "/%2F/evil.test",
                "/%2f%2fevil.test",
                "/%2F%2Fh",
                "/%2E%2E/evil.test",
                "/%09/h",
                "/%0A/h",
                "/%0D%0ASet-Cookie:%20x=1",
                "/%00",
                "/%3Bx",
                "/%25",
                "/user/%73usan",
                "/microblog/%5Cevil.test"
            })
    void anEscapeInThePathMeansHome(String next) {
        assertEquals("/", SafeReturn.path(next, ""), () -> "for " + next);
        assertEquals("/microblog/", SafeReturn.path(next, "/microblog"), () -> "for " + next);
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
                "/\\evil.test",
                "\\\\h",
                "%2F%2Fevil.test",
                "%5Cevil.test",
                "/\t/h",
                "\t/user/susan",
                "/user/susan\t",
                "/user/\nsusan",
                "/user/susan\u000b",
                "/user/susan\u007f",
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
