package vn.diemcau.appliance.admin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium as the admin page's browser tests use it. */
final class Browsers {
    private Browsers() {
    }

    /**
     * Headless Chromium in Vietnamese, 1280×1000, self-signed certificates accepted, its profile
     * under {@code dir}. Element look-ups wait up to 15 s: a click that submits a form may return
     * before the next page is in (no test here looks for an element's absence).
     */
    static ChromeDriver headlessChromium(Path dir) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors",
                "--disable-dev-shm-usage", "--lang=vi", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        return browser;
    }
}
