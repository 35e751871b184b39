package org.microblog.web.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class IdenticonTest {

    private static final Pattern SQUARE = Pattern.compile("M(\\d) (\\d)h1v1h-1z");

    @Test
    void theSameUserAlwaysGetsTheSameImage() {
        assertEquals(Identicon.svg(42), Identicon.svg(42));
    }

    @Test
    void neighbouringUsersGetDifferentImages() {
        Set<String> images = new HashSet<>();
        for (long id = 1; id <= 200; id++) {
            images.add(Identicon.svg(id));
        }
        assertTrue(images.size() >= 195, () -> images.size() + " different images for 200 users");
        assertNotEquals(Identicon.svg(1), Identicon.svg(2));
    }

    @Test
    void thePatternIsMirroredLeftToRight() {
        for (long id = 1; id <= 50; id++) {
            Set<String> squares = new HashSet<>();
            Matcher m = SQUARE.matcher(Identicon.svg(id));
            while (m.find()) {
                squares.add(m.group(1) + "," + m.group(2));
            }
            for (String square : squares) {
                String[] xy = square.split(",");
                assertTrue(squares.contains((4 - Integer.parseInt(xy[0])) + "," + xy[1]), () -> squares.toString());
            }
        }
    }

    @Test
    void itIsAnSvgDocumentWithAnIntrinsicSize() throws Exception {
        Document svg = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(Identicon.svg(7).getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("128", svg.getDocumentElement().getAttribute("width"));
        assertTrue(svg.getDocumentElement().getAttribute("viewBox").matches("[-0-9 ]+"));
    }
}
