package io.recollect.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, as a person would use the app. CI installs
 * chromium and chromium-driver; on a machine without them these tests are skipped, saying why.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String PAGE_CHECKS = resource("/browser/page-checks.js");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public void logIn(String user, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // Wait for the login to land: navigating on at once can cancel it before the session cookie is set.
        until(Duration.ofSeconds(45), d -> !d.getCurrentUrl().contains("/login"));
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Waits until the page shows the text, and returns the whole visible text. The Camunda
     * webapps load their data after the page; on a busy machine that can take a while, so the
     * page is reloaded once before giving up, and a screenshot is kept for a failure.
     */
    public String waitForText(String text) {
        try {
            waitUpTo(Duration.ofSeconds(45), text);
        } catch (TimeoutException slow) {
            driver.navigate().refresh();
            try {
                waitUpTo(Duration.ofSeconds(45), text);
            } catch (TimeoutException failed) {
                screenshot("failed-waiting-for-" + text.replaceAll("\\W+", "-"));
                throw failed;
            }
        }
        return until(Duration.ofSeconds(30), d -> d.findElement(By.tagName("body")).getText());
    }

    /**
     * Opens a Camunda webapp and waits for its landmark text. Right after single sign-on the
     * webapps sometimes land on Camunda's Welcome page instead; from there a person clicks the
     * app, and so does this.
     */
    public String openCamundaApp(String path, String appName, String landmark) {
        go(path);
        until(Duration.ofSeconds(45), d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.contains(landmark) || body.contains("Applications");
        });
        if (!driver.findElement(By.tagName("body")).getText().contains(landmark)) {
            click(By.linkText(appName));
        }
        return waitForText(landmark);
    }

    /**
     * Waits for the condition, checking it again when the page was replaced while it looked (an
     * htmx refresh or a redirect makes the element it held stale).
     */
    private <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException failed) {
            // CI keeps only the log: say where the browser was and what it showed.
            String body;
            try {
                body = driver.findElement(By.tagName("body")).getText();
            } catch (RuntimeException gone) {
                body = "(no page: " + gone.getClass().getSimpleName() + ")";
            }
            throw new TimeoutException("at " + driver.getCurrentUrl() + ", the page showing: "
                    + body.substring(0, Math.min(body.length(), 2000)), failed);
        }
    }

    private void waitUpTo(Duration timeout, String text) {
        until(timeout, d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public void click(By by) {
        until(Duration.ofSeconds(30), d -> d.findElement(by).isDisplayed());
        var element = driver.findElement(by);
        // Camunda's fixed footer covers a button at the window's bottom edge: bring it to the middle
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Types into a field as a person would, replacing what it held; for a file input (often
     * hidden), the text is the file's path, as choosing it would give.
     */
    public void type(By by, String text) {
        until(Duration.ofSeconds(30), d -> !d.findElements(by).isEmpty());
        var field = driver.findElement(by);
        if (!"file".equals(field.getDomAttribute("type"))) {
            until(Duration.ofSeconds(30), d -> d.findElement(by).isDisplayed());
            field.clear();
        }
        field.sendKeys(text);
    }

    /** The visible text of the element, once it is there. */
    public String text(By by) {
        until(Duration.ofSeconds(30), d -> !d.findElements(by).isEmpty());
        return driver.findElement(by).getText();
    }

    /** A field's current value, as a form would send it. */
    public String value(By by) {
        until(Duration.ofSeconds(30), d -> !d.findElements(by).isEmpty());
        return driver.findElement(by).getDomProperty("value");
    }

    /** Whether the page currently has an element matching. */
    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits until an element matching is on the page (e.g. a chart marking itself rendered). */
    public void waitFor(By by) {
        until(Duration.ofSeconds(45), d -> !d.findElements(by).isEmpty());
    }

    /** Waits until the element is there and carries the attribute with that value (a chart that has drawn, say). */
    public void waitForAttribute(By by, String attribute, String value) {
        until(Duration.ofSeconds(30), d -> d.findElements(by).stream()
                .anyMatch(element -> value.equals(element.getDomAttribute(attribute))));
    }

    /** How many elements the page has that match. */
    public int count(By by) {
        return driver.findElements(by).size();
    }

    /** Sets a field whose widget depends on the browser's locale (a date picker) to a value in ISO form. */
    public void setValue(By by, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(by), value);
    }

    /**
     * What the page lacks for a screen-reader or keyboard user (lang, one h1, a main landmark and a
     * skip link to it, names for fields, buttons, links and images, unique ids), one sentence each.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        return (List<String>) driver.executeScript(PAGE_CHECKS);
    }

    /** Presses keys as a keyboard user does: they go to whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Shift+Tab: the focus goes back one (a chord in sendKeys would release Shift before the Tab). */
    public void pressShiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** The element that has the focus, described for a failure message. */
    public String focused() {
        WebElement element = driver.switchTo().activeElement();
        String id = element.getDomAttribute("id");
        return element.getTagName() + (id == null ? "" : "#" + id) + " \"" + element.getText().strip() + "\"";
    }

    /** Whether the focused element matches. */
    public boolean focusIs(By by) {
        WebElement active = driver.switchTo().activeElement();
        return driver.findElements(by).stream().anyMatch(active::equals);
    }

    /**
     * Presses Tab until the element matching has the focus, checking on the way that every element
     * the focus lands on shows that it has it (an outline or a ring); fails after {@code limit} presses.
     */
    public int tabTo(By by, int limit) {
        for (int presses = 0; presses < limit; presses++) {
            if (focusIs(by)) {
                return presses;
            }
            press(Keys.TAB);
            if (!focusVisible()) {
                throw new AssertionError("the focus on " + focused() + " is not visible");
            }
        }
        throw new AssertionError(limit + " presses of Tab did not reach " + by + "; the focus is on " + focused());
    }

    /** Whether the focused element draws a focus indicator: an outline or a box shadow. */
    public boolean focusVisible() {
        return Boolean.TRUE.equals(driver.executeScript("const s = getComputedStyle(document.activeElement);"
                + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';"));
    }

    /** Keeps a screenshot under target/screenshots for a person to look at. */
    public void screenshot(String name) {
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (var in = Browser.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
