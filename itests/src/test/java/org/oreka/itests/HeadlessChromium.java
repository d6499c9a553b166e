package org.oreka.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver by Selenium, with a fresh profile, for tests of OrkWeb's
 * pages as a user's browser sees them: forms filled and submitted, the page's text and fields read.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    /** Starts a browser with its profile in a new folder under {@code profiles}. */
    HeadlessChromium(Path profiles) throws IOException {
        Files.createDirectories(profiles);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Media plays without a click, as a user's would after their first one.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Types into the field with that id, replacing what it held. */
    void fill(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the element with that id and waits for the page it leads to. */
    void submit(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        leftPage(button);
    }

    /** Clicks the submit button whose text is {@code label} in the table row containing {@code rowText}. */
    void submitInRow(String tableId, String rowText, String label) {
        WebElement button = driver.findElement(By.xpath("//table[@id='" + tableId + "']//tr[td[contains(., '" + rowText
                + "')]]//button[normalize-space(.)='" + label + "']"));
        button.click();
        leftPage(button);
    }

    /** Clicks the button with that text (the first one) and waits for the next page. */
    void submitLabelled(String label) {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space(.)='" + label + "']"));
        button.click();
        leftPage(button);
    }

    /** Follows the link with that text. */
    void follow(String linkText) {
        WebElement link = driver.findElement(By.linkText(linkText));
        link.click();
        leftPage(link);
    }

    /**
     * Waits until the page holding {@code element} is gone. While Chromium navigates, asking about an element can
     * fail otherwise ("does not belong to the document"): that is asked again.
     */
    private void leftPage(WebElement element) {
        leftPage(driver, element);
    }

    /** Waits until the page holding {@code element} is gone (see {@link #leftPage(WebElement)}). */
    static void leftPage(WebDriver driver, WebElement element) {
        new WebDriverWait(driver, PAGE_WAIT).ignoring(WebDriverException.class).until(d -> isStale(element));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    /** The visible text of the page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of the page's heading. */
    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The value of the first field with that name (a hidden CSRF field, say). */
    String fieldValue(String name) {
        return driver.findElement(By.name(name)).getAttribute("value");
    }

    /** The session cookie, to send requests a browser would not (no CSRF token, another method). */
    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getName() + "=" + cookie.getValue();
    }

    /** The browser itself, for tests that drive it directly. */
    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
