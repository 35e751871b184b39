package org.microblog.web.avatar;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A user's generated avatar: a symmetric 5 × 5 pattern in one colour on a light background, drawn as SVG (or PNG)
 * from the user's id alone, so that it never changes (the URL can be cached for ever) and says nothing about
 * the user but what the URL already does. {@link #VERSION} is part of the URL: change the drawing, raise it.
 */
public final class Identicon {

    /** The version of the drawing, in every avatar URL. */
    public static final int VERSION = 1;

    private static final int GRID = 5;
    /** The image's intrinsic size in pixels; it is vector, so pages show it at any size. */
    private static final int SIZE = 128;
    /** The bitmap's size: seven grid units (the pattern and a margin) of 20 pixels. */
    static final int PNG_SIZE = 140;

    private static final String BACKGROUND = "#f0f2f5";

    private Identicon() {}

    /** The SVG document of the avatar of user {@code id}. */
    public static String svg(long id) {
        long bits = mix(id);
        StringBuilder path = new StringBuilder();
        forEachSquare(
                bits, (x, y) -> path.append('M').append(x).append(' ').append(y).append("h1v1h-1z"));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + SIZE + "\" height=\"" + SIZE
                + "\" viewBox=\"-1 -1 7 7\" shape-rendering=\"crispEdges\">"
                + "<rect x=\"-1\" y=\"-1\" width=\"7\" height=\"7\" fill=\"" + BACKGROUND + "\"/>"
                + "<path fill=\"" + colour(bits) + "\" d=\"" + path + "\"/></svg>";
    }

    /**
     * The same drawing as a PNG of {@value #PNG_SIZE} pixels square, for the client API: apps such as Tusky and Ivory
     * show only bitmaps.
     */
    public static byte[] png(long id) {
        long bits = mix(id);
        int unit = PNG_SIZE / (GRID + 2);
        BufferedImage image = new BufferedImage(PNG_SIZE, PNG_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.decode(BACKGROUND));
            g.fillRect(0, 0, PNG_SIZE, PNG_SIZE);
            g.setColor(Color.decode(colour(bits)));
            forEachSquare(bits, (x, y) -> g.fillRect((x + 1) * unit, (y + 1) * unit, unit, unit));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return png.toByteArray();
    }

    /** The filled squares of the 5 × 5 pattern, mirrored left to right, in grid units from the top left. */
    private static void forEachSquare(long bits, IntBinaryConsumer square) {
        int half = (GRID + 1) / 2;
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < half; col++) {
                if (((bits >>> (row * half + col)) & 1) == 1) {
                    square.accept(col, row);
                    if (col != GRID - 1 - col) {
                        square.accept(GRID - 1 - col, row);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface IntBinaryConsumer {
        void accept(int x, int y);
    }

    private static String colour(long bits) {
        return hsl((int) Math.floorMod(bits >>> 40, 360L), 0.55, 0.45);
    }

    /** SplitMix64's finaliser: neighbouring ids get unrelated patterns. */
    static long mix(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String hsl(int hue, double saturation, double lightness) {
        double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
        double m = lightness - c / 2;
        double[] rgb =
                switch (hue / 60) {
                    case 0 -> new double[] {c, x, 0};
                    case 1 -> new double[] {x, c, 0};
                    case 2 -> new double[] {0, c, x};
                    case 3 -> new double[] {0, x, c};
                    case 4 -> new double[] {x, 0, c};
                    default -> new double[] {c, 0, x};
                };
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round((rgb[0] + m) * 255),
                Math.round((rgb[1] + m) * 255),
                Math.round((rgb[2] + m) * 255));
    }
}
