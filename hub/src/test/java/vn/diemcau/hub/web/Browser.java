package vn.diemcau.hub.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, 1366×768, fresh profile; one per
 * test class. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;
  private final String base;

  Browser(String base) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Debian chromium and chromium-driver are required (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }
    this.base = base;
    this.profile = Files.createTempDirectory("diemcau-chromium-");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=vi", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** Logs in through the login page (after logging out whoever was). */
  void login(String user, String password) {
    open("/ui/login");
    driver.manage().deleteAllCookies();
    open("/ui/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
        .until(() -> driver.getCurrentUrl().endsWith("/ui/fleet") && !driver.findElements(By.id("whoami")).isEmpty());
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement one(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  String text(String css) {
    List<WebElement> e = all(css);
    return e.isEmpty() ? "" : e.get(0).getText();
  }

  Path screenshot(String name) throws IOException {
    Path to = SCREENSHOTS.resolve(name + ".png");
    Files.write(to, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return to;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
