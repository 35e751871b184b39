package org.microblog.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every text a person reads comes from the bundle: no words typed into a page, and no key used by a page
 * or a bean that the bundle lacks.
 */
class ViewTextTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path JAVA = Path.of("src/main/java");
    /** Attributes whose value a person reads. */
    private static final Set<String> READABLE = Set.of(
            "value",
            "title",
            "alt",
            "placeholder",
            "label",
            "itemLabel",
            "header",
            "emptyMessage",
            "aria-label",
            "data-close-label",
            "requiredMessage",
            "validatorMessage",
            "converterMessage",
            "counterTemplate",
            "ariaLabel",
            "pt:data-left-one",
            "pt:data-left-other",
            "pt:data-over-one",
            "pt:data-over-other");
    /** Components whose value attribute is data or a target, not text (an HTML button shows its content). */
    private static final Set<String> VALUE_IS_NOT_TEXT =
            Set.of("ui:param", "f:param", "ui:repeat", "f:viewParam", "button");

    private static final Pattern PAGE_KEY = Pattern.compile("i18n\\['([^']+)']|name=\"\\w+Key\" value=\"([^\"]+)\"");
    private static final Pattern JAVA_KEY =
            Pattern.compile("Messages\\.add\\w*\\((?:\"[^\"]*\",\\s*)?\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    private static final Pattern TEXTS_KEY = Pattern.compile("[Tt]exts\\.format\\((?:[^,()]+,\\s*)?\"([^\"]+)\"");
    private static final Pattern WORD = Pattern.compile("\\p{L}");

    private static Properties bundle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = ViewTextTest.class.getResourceAsStream("/org/microblog/web/i18n.properties")) {
            bundle.load(in);
        }
        return bundle;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void pagesHoldNoTypedText() throws Exception {
        List<String> typed = new ArrayList<>();
        List<Path> pages = files(WEBAPP, ".xhtml");
        assertFalse(pages.isEmpty());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Path page : pages) {
            Document document = factory.newDocumentBuilder().parse(page.toFile());
            collectTypedText(document.getDocumentElement(), page, typed);
        }
        assertEquals(List.of(), typed, "text typed into pages instead of #{i18n['key']}");
    }

    private static void collectTypedText(Element element, Path page, List<String> typed) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            boolean readable = READABLE.contains(attribute.getName())
                    && !(attribute.getName().equals("value") && VALUE_IS_NOT_TEXT.contains(element.getTagName()));
            if (readable && isLiteralText(attribute.getValue())) {
                typed.add(page + ": " + element.getTagName() + " " + attribute.getName() + "=\"" + attribute.getValue()
                        + "\"");
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element childElement) {
                collectTypedText(childElement, page, typed);
            } else if (child.getNodeType() == Node.TEXT_NODE && isLiteralText(child.getTextContent())) {
                typed.add(page + ": <" + element.getTagName() + "> "
                        + child.getTextContent().strip());
            }
        }
    }

    /** Whether some letters remain once every EL expression is taken out. */
    private static boolean isLiteralText(String text) {
        return WORD.matcher(text.replaceAll("#\\{[^}]*}", "")).find();
    }

    @Test
    void everyKeyThatPagesAndBeansUseIsInTheBundle() throws Exception {
        Properties bundle = bundle();
        Set<String> used = new TreeSet<>();
        for (Path page : files(WEBAPP, ".xhtml")) {
            collect(PAGE_KEY, Files.readString(page), used);
        }
        for (Path source : files(JAVA, ".java")) {
            String java = Files.readString(source);
            collect(JAVA_KEY, java, used);
            collect(TEXTS_KEY, java, used);
        }
        assertTrue(used.size() > 40, () -> "only found " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys missing from i18n.properties");
    }

    private static void collect(Pattern pattern, String text, Set<String> keys) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    keys.add(matcher.group(group));
                }
            }
        }
    }
}
