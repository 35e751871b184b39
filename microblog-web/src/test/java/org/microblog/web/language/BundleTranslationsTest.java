package org.microblog.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Microblog speaks English and Spanish: every bundle (pages, services' refusals, Bean Validation) has a Spanish
 * twin ({@code _es}) with exactly the same keys, the same placeholders in each text, and patterns that format.
 */
class BundleTranslationsTest {

    /** Every bundle of the application, as a resource path without ".properties". */
    static Stream<String> bundles() {
        return Stream.of("/org/microblog/web/i18n", "/org/microblog/service/ServiceMessages", "/ValidationMessages");
    }

    /** {0}, {1,choice,...}, {max}: what a text fills in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)[,}]");

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundleTranslationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, () -> resource + " is not on the class path");
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void theSpanishBundleHasEveryKeyOfTheEnglishOneAndNoOther(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties spanish = load(bundle + "_es.properties");
        assertTrue(english.size() > 4, () -> bundle + " has only " + english.keySet());
        assertEquals(
                new TreeSet<>(english.stringPropertyNames()),
                new TreeSet<>(spanish.stringPropertyNames()),
                () -> bundle + ": keys differ between English and Spanish");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void eachTranslationFillsInTheSamePlaceholders(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties spanish = load(bundle + "_es.properties");
        Map<String, String> different = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            Set<String> inEnglish = placeholders(english.getProperty(key));
            Set<String> inSpanish = placeholders(spanish.getProperty(key, ""));
            if (!inEnglish.equals(inSpanish)) {
                different.put(key, inEnglish + " in English, " + inSpanish + " in Spanish");
            }
            assertTrue(
                    !spanish.getProperty(key, "").isBlank()
                            || english.getProperty(key).isBlank(),
                    key);
        }
        assertEquals(Map.of(), different, bundle);
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyPatternWithNumberedArgumentsFormats(String bundle) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.of("es"))) {
            Properties texts = load(bundle + (locale.getLanguage().equals("en") ? "" : "_es") + ".properties");
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    try {
                        new MessageFormat(text, locale).format(new Object[] {1, 2, 3});
                        new MessageFormat(text, locale).format(new Object[] {0, 0, 0});
                    } catch (IllegalArgumentException e) {
                        broken.add(locale + " " + key + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), broken, bundle);
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void anEnglishPageStaysEnglishOnAServerSetUpInSpanish(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties spanish = load(bundle + "_es.properties");
        String key = english.stringPropertyNames().stream()
                .filter(k -> !english.getProperty(k).equals(spanish.getProperty(k)))
                .findFirst()
                .orElseThrow();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.of("es", "ES"));
            ResourceBundle.clearCache(BundleTranslationsTest.class.getClassLoader());
            ResourceBundle texts = ResourceBundle.getBundle(
                    bundle.substring(1).replace('/', '.'),
                    Locale.ENGLISH,
                    BundleTranslationsTest.class.getClassLoader());
            assertEquals(english.getProperty(key), texts.getString(key), key);
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache(BundleTranslationsTest.class.getClassLoader());
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
