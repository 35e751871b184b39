package org.microblog.web.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeReturnTest {

    @Test
    void aPathOnThisSiteIsKept() {
        assertEquals("user/susan", SafeReturn.relativePath("/user/susan", ""));
        assertEquals("explore?after=1-2", SafeReturn.relativePath("/explore?after=1-2", ""));
    }

    @Test
    void thePathIsTakenRelativeToTheContextRoot() {
        assertEquals("user/susan", SafeReturn.relativePath("/microblog/user/susan", "/microblog"));
        assertEquals("", SafeReturn.relativePath("/other-app/user/susan", "/microblog"));
    }

    @Test
    void anotherSiteOrAnythingOddMeansHome() {
        for (String next : new String[] {
            "//evil.example/x",
            "https://evil.example/",
            "\\\\evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "user/susan",
            "",
            null,
            "/%zz"
        }) {
            assertEquals("", SafeReturn.relativePath(next, ""), () -> "for " + next);
        }
    }
}
