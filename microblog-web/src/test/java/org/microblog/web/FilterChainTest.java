package org.microblog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The filter chain is declared in one place, web.xml, in the order it runs: no filter of ours is left out of it. */
class FilterChainTest {

    private static final Path JAVA = Path.of("src/main/java");
    private static final Path WEB_XML = Path.of("src/main/webapp/WEB-INF/web.xml");
    private static final Pattern FILTER =
            Pattern.compile("class (\\w+) extends (HttpFilter|FacesExceptionFilter)\\b|implements Filter\\b");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    @Test
    void everyFilterIsDeclaredInWebXmlAndNoneByAnnotation() throws IOException {
        String webXml = Files.readString(WEB_XML);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(JAVA)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int filters = 0;
        for (Path source : sources) {
            String java = Files.readString(source);
            assertTrue(
                    !java.contains("@WebFilter"), source + " declares a filter by annotation: declare it in web.xml");
            Matcher filter = FILTER.matcher(java);
            if (filter.find()) {
                Matcher pkg = PACKAGE.matcher(java);
                assertTrue(pkg.find(), source + " has no package");
                String className =
                        pkg.group(1) + "." + source.getFileName().toString().replace(".java", "");
                assertTrue(
                        webXml.contains("<filter-class>" + className + "</filter-class>"),
                        className + " is a filter missing from web.xml");
                filters++;
            }
        }
        assertEquals(
                filters,
                Pattern.compile("<filter-class>").matcher(webXml).results().count(),
                "web.xml declares a filter that is not ours, or one twice");
    }
}
