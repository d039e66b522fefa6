package dev.tidesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, with nothing downloaded. Without Chromium the
 * browser tests are skipped, except on CI ({@code CI=true}) where that is a failure.
 */
public final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    public static ChromeDriver start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("Chromium is required on CI: install chromium and chromium-driver");
            }
            Assumptions.abort("Chromium is not installed; browser tests skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1366,900",
                "--lang=ru",
                "--user-data-dir=" + Files.createTempDirectory("tidesk-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        return driver;
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    public static void clickAndWait(ChromeDriver driver, By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(page));
    }

    /**
     * Whether an element has left the document. Selenium's {@code stalenessOf} expects a stale-element
     * error; Chromium 150 sometimes answers for a node of the previous page with an "unknown error:
     * Node with given id does not belong to the document" instead, which means the same.
     */
    private static boolean isGone(WebElement element) {
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

    /** Opens {@code loginPage} and signs in as {@code login} (password {@link TestData#PASSWORD}). */
    public static void signIn(ChromeDriver driver, String loginPage, String login) {
        driver.get(loginPage);
        signIn(driver, login);
    }

    /**
     * Signs in on the login form the browser shows now (the area's own, or the one an e-mail link
     * was sent to) and waits until the next page has replaced it.
     */
    public static void signIn(ChromeDriver driver, String login) {
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        clickAndWait(driver, By.id("login-submit"));
    }

    /**
     * Saves a screenshot under {@code target/screenshots} for people to look at. It asserts nothing:
     * when Chromium is between two pages (an htmx poll, a late redirect) it tries again, and after
     * three tries the test goes on without the picture.
     */
    public static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                System.err.println("Screenshot " + name + " not taken (" + attempt + "): "
                        + e.getMessage().lines().findFirst().orElse(""));
                try {
                    Thread.sleep(300L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
