package org.microblog.web.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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

    @Test
    void theBitmapForAppsDrawsTheSameSquaresAsTheVectorImage() throws Exception {
        for (long id : new long[] {1, 42, 99_999}) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Identicon.png(id)));
            assertEquals(Identicon.PNG_SIZE, png.getWidth());
            assertEquals(Identicon.PNG_SIZE, png.getHeight());
            int unit = Identicon.PNG_SIZE / 7;
            int background = png.getRGB(0, 0);
            Set<String> drawn = new HashSet<>();
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) {
                    if (png.getRGB((x + 1) * unit + unit / 2, (y + 1) * unit + unit / 2) != background) {
                        drawn.add(x + " " + y);
                    }
                }
            }
            Set<String> vector = new HashSet<>();
            Matcher square = SQUARE.matcher(Identicon.svg(id));
            while (square.find()) {
                vector.add(square.group(1) + " " + square.group(2));
            }
            assertEquals(vector, drawn, "user " + id);
        }
    }
}
