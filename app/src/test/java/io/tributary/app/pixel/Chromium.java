package io.tributary.app.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile.
 * A missing browser fails the test; only {@code -Dtributary.skipBrowser=true} (local runs) skips it.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() {
        Assumptions.assumeFalse(Boolean.getBoolean("tributary.skipBrowser"), "browser tests skipped on request");
        assertThat(new File(BINARY).canExecute()).as("Chromium is required: apt-get install chromium chromium-driver").isTrue();
        assertThat(new File(DRIVER).canExecute()).as("chromedriver is required: apt-get install chromium-driver").isTrue();
        Path profile = tempDir();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The value of a cookie of the current page's domain, or null. */
    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tributary-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
