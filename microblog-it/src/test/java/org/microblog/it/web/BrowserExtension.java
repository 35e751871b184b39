package org.microblog.it.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The browser tests' harness: one Chromium for a test class, started at its first test and closed after its last,
 * put into the class's {@code Browser} field before every test as new (one empty tab, no cookies or storage, English,
 * the usual size; {@link Browser#reset()}). A failing test leaves a screenshot of the page it failed on,
 * {@code failed-<class>-<test>.png} among the other screenshots, and a fresh Chromium for the next test.
 *
 * <pre>
 * &#64;ExtendWith({ArquillianExtension.class, BrowserExtension.class})
 * &#64;RunAsClient
 * class SomeBrowserIT {
 *     &#64;ArquillianResource
 *     URL base;
 *
 *     Browser browser;
 * </pre>
 *
 * Register it after {@code ArquillianExtension}, which sets the {@code @ArquillianResource URL} that the browser opens
 * pages under.
 */
final class BrowserExtension
        implements BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Chromium.class, new Chromium());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Browser browser = chromium(context).ready(base(test));
        List<Field> fields = ReflectionSupport.findFields(
                context.getRequiredTestClass(),
                field -> field.getType() == Browser.class && !Modifier.isStatic(field.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new IllegalStateException(context.getRequiredTestClass() + " has no Browser field to put one in");
        }
        for (Field field : fields) {
            field.setAccessible(true);
            field.set(test, browser);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Chromium chromium = chromium(context);
        try {
            chromium.current()
                    .screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        chromium.close();
        throw failure;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getStore(NAMESPACE).remove(Chromium.class, Chromium.class).close();
    }

    private static Chromium chromium(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Chromium.class, Chromium.class);
    }

    /** The {@code @ArquillianResource URL} of the test: where the deployed application answers. */
    private static URL base(Object test) {
        List<URL> urls = AnnotationSupport.findAnnotatedFieldValues(test, ArquillianResource.class, URL.class);
        if (urls.isEmpty()) {
            throw new IllegalStateException(test.getClass() + " has no @ArquillianResource URL field");
        }
        return urls.getFirst();
    }

    /** The Chromium of one test class: none until a test needs it, then one, made as new for each test. */
    private static final class Chromium {

        private Browser browser;

        Browser ready(URL base) {
            if (browser != null) {
                try {
                    browser.reset();
                    return browser;
                } catch (RuntimeException e) {
                    // a Chromium that no longer answers: a new one
                    close();
                }
            }
            browser = Browser.start(base);
            return browser;
        }

        Browser current() {
            if (browser == null) {
                throw new IllegalStateException("no Chromium is running");
            }
            return browser;
        }

        void close() {
            if (browser != null) {
                browser.close();
                browser = null;
            }
        }
    }
}
