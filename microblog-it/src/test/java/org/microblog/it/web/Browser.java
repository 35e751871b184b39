package org.microblog.it.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's real Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless, with a
 * fresh profile, driven through Selenium. Missing Chromium is a failure with the command that installs
 * it ({@code ./microblog test} installs it itself), never a skipped test.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How often a wait looks again. Selenium's default, half a second, was most of the browser tests' time: a page
     * that loads in 50 ms was seen after 500.
     */
    private static final Duration POLL = Duration.ofMillis(20);

    private static final String ENGLISH = "en-US,en";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1000;

    private final WebClient addresses;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(URL base, ChromeDriver driver, Path profile) {
        this.addresses = new WebClient(base);
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * A new Chromium that prefers English. Browser tests get theirs from {@link BrowserExtension}, one for the class,
     * rather than starting one each.
     */
    static Browser start(URL base) {
        Path chromium = executable("microblog.chromium", "chromium");
        Path chromedriver = executable("microblog.chromedriver", "chromedriver");
        try {
            Path profile = Files.createTempDirectory("microblog-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.executeCdpCommand("Network.enable", Map.of());
            Browser browser = new Browser(base, driver, profile);
            browser.preferLanguages(ENGLISH);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program named by a system property, or found on PATH; a clear failure when absent. */
    private static Path executable(String property, String name) {
        Optional<Path> configured =
                Optional.ofNullable(System.getProperty(property)).map(Path::of);
        Optional<Path> found =
                configured.or(() -> Stream.of(System.getenv("PATH").split(File.pathSeparator))
                        .map(dir -> Path.of(dir, name))
                        .filter(Files::isExecutable)
                        .findFirst());
        return found.filter(Files::isExecutable)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "The browser tests need " + name + " (Debian packages chromium and chromium-driver): "
                                        + "run ./microblog test, which installs them, or apt-get install chromium chromium-driver"));
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * The browser's language preference (its Accept-Language) from now on: "es-ES,es" say. Headless Chromium sends
     * no Accept-Language of its own choosing (--accept-lang and the preference intl.accept_languages are ignored
     * here): every request gets the header through DevTools.
     */
    void preferLanguages(String acceptLanguage) {
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
    }

    /**
     * Makes this Chromium as a new one for the next test: one tab with an empty page, no cookies, storage or cache,
     * English preferred, the usual window size and no device emulation.
     */
    void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // the usual case
        }
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) {
            driver.switchTo().window(tab).close();
        }
        driver.switchTo().window(tabs.getFirst());
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand(
                "Storage.clearDataForOrigin", Map.of("origin", origin(addresses.uri("")), "storageTypes", "all"));
        preferLanguages(ENGLISH);
        resetViewport();
        resize(WIDTH, HEIGHT);
    }

    private static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    void open(String path) {
        driver.get(addresses.uri(path).toString());
    }

    String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String path(String relative) {
        return addresses.uri(relative).getPath();
    }

    WebElement element(String id) {
        return until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Waits until {@code condition} gives something other than null or false, at most 20 s. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, POLL).until(condition);
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void fill(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Puts {@code text} into a field as pasting does: the value, then an input event. For text that ChromeDriver
     * cannot type, such as characters outside the Basic Multilingual Plane (emoji).
     */
    void paste(String id, String text) {
        driver.executeScript(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                element(id),
                text);
    }

    /** Clicks and waits until the page it was on has been replaced (a full submit or link). */
    void clickAndLoad(String id) {
        WebElement button = element(id);
        button.click();
        until(d -> isDetached(button));
    }

    /**
     * Whether the element has left the document. Chromium reports an element of a page being replaced
     * either as stale or, while the swap is under way, as a node that "does not belong to the document".
     */
    private static boolean isDetached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks an AJAX button and waits until the page says {@code expected}. */
    void clickAndWaitFor(String id, String expected) {
        element(id).click();
        waitForText(expected);
    }

    /** Waits until the page says {@code expected}, also while the page replaces itself (the export page reloads). */
    void waitForText(String expected) {
        until(d -> {
            try {
                return d.findElement(By.tagName("body")).getText().contains(expected);
            } catch (StaleElementReferenceException e) {
                return false; // the body was read as the page was being replaced: read the new one
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false; // the same, as Chromium reports it while the swap is under way
                }
                throw e;
            }
        });
    }

    String text(String id) {
        return element(id).getText();
    }

    String messages() {
        return element("messages").getText();
    }

    List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Saves the page as {@code <microblog.screenshots>/<name>.png}, a build artifact. */
    Path screenshot(String name) {
        Path folder = Path.of(System.getProperty("microblog.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Lays pages out as a phone or a laptop of exactly this viewport ({@code mobile}: a phone's meta viewport
     * handling, as Chromium's device emulation does); {@link #resetViewport()} undoes it.
     */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Runs JavaScript in the page and returns what it returns (numbers come back as Long or Double). */
    Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /** The accessible name Chromium computes for the element, as a screen reader announces it. */
    String accessibleName(String id) {
        return element(id).getAccessibleName();
    }

    /** The language of the page, its {@code <html lang>}. */
    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** Chooses a language with the switch at the foot of the page ("en", "es") and waits for the page again. */
    void chooseLanguage(String tag) {
        clickAndLoad("language-" + tag);
        until(d -> tag.equals(pageLanguage()));
    }

    // What a person does, page by page.

    void register(String username) {
        open("register");
        fill("register:username", username);
        fill("register:email", username + "@example.com");
        fill("register:password", WebClient.PASSWORD);
        fill("register:repeatPassword", WebClient.PASSWORD);
        clickAndLoad("register:submit");
        waitForText("Congratulations, " + username);
    }

    void signIn(String username) {
        open("login");
        fill("login:username", username);
        fill("login:password", WebClient.PASSWORD);
        clickAndLoad("login:submit");
        waitForText("Welcome back!");
    }

    void signOut() {
        clickAndLoad("signOut:submit");
        waitForText("You have been signed out.");
    }

    void post(String text) {
        open("");
        fill("post:body", text);
        clickAndLoad("post:submit");
        waitForText("Your post is now live!");
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over temporary profile is harmless
        }
    }
}
