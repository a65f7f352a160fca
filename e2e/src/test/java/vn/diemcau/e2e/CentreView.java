package vn.diemcau.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The hub's centre's view ({@code /session}) in headless Chromium (Debian's chromium and
 * chromium-driver) with a fake camera, driven by Selenium.
 */
final class CentreView implements AutoCloseable {
  /** One room's tile on the page. */
  record Tile(String feed, String display, int readyState, double currentTime, int videoWidth, int videoHeight) {
    boolean playing() {
      return readyState >= 2 && videoWidth > 0 && videoHeight > 0;
    }
  }

  private final ChromeDriver driver;
  private final String hubUrl;

  private CentreView(ChromeDriver driver, String hubUrl) {
    this.driver = driver;
    this.hubUrl = hubUrl;
  }

  static CentreView open(Path profileDir, String hubUrl) throws IOException {
    Files.createDirectories(profileDir);
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profileDir, "--window-size=1280,800");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().window().setSize(new Dimension(1280, 800));
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new CentreView(d, hubUrl);
  }

  /** Opens {@code /session} and signs in through the page's form. */
  void signIn(String user, String password) {
    driver.get(hubUrl + "/session");
    org.openqa.selenium.support.ui.WebDriverWait wait =
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("signin")).click();
  }

  List<Tile> tiles() {
    Object r = js().executeScript("""
        return [...document.querySelectorAll('figure.room')].map(f => {
          const v = f.querySelector('video');
          return [f.dataset.feed, f.dataset.display, v.readyState, v.currentTime, v.videoWidth, v.videoHeight];
        });""");
    List<Tile> out = new ArrayList<>();
    for (Object o : (List<?>) r) {
      List<?> t = (List<?>) o;
      out.add(new Tile(t.get(0).toString(), t.get(1).toString(), num(t.get(2)).intValue(), num(t.get(3)).doubleValue(),
          num(t.get(4)).intValue(), num(t.get(5)).intValue()));
    }
    return out;
  }

  /** Video frames decoded so far per room (WebRTC inbound-rtp stats of each subscription). */
  Map<String, Long> framesDecoded() {
    Object r = js().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const subs = [...window.diemcauSession.subs.values()];
        Promise.all(subs.map(async (s) => {
          let frames = 0;
          if (s.pc) (await s.pc.getStats()).forEach((x) => {
            if (x.type === 'inbound-rtp' && x.kind === 'video') frames += x.framesDecoded || 0;
          });
          return [s.display, frames];
        })).then((a) => done(a), (e) => done([['error', String(e)]]));""");
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object o : (List<?>) r) {
      List<?> t = (List<?>) o;
      out.merge(t.get(0).toString(), num(t.get(1)).longValue(), Long::sum);
    }
    return out;
  }

  /** A 16×9 grey-level picture of each room's current frame, to tell the test patterns apart. */
  Map<String, List<Long>> signatures() {
    Object r = js().executeScript("""
        const c = document.createElement('canvas'); c.width = 16; c.height = 9;
        const g = c.getContext('2d', { willReadFrequently: true });
        return [...document.querySelectorAll('figure.room')].map(f => {
          g.drawImage(f.querySelector('video'), 0, 0, 16, 9);
          const px = g.getImageData(0, 0, 16, 9).data, grey = [];
          for (let i = 0; i < px.length; i += 4) grey.push(Math.round((px[i] + px[i + 1] + px[i + 2]) / 3));
          return [f.dataset.display, grey];
        });""");
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (Object o : (List<?>) r) {
      List<?> t = (List<?>) o;
      out.put(t.get(0).toString(), ((List<?>) t.get(1)).stream().map(x -> num(x).longValue()).toList());
    }
    return out;
  }

  String status() {
    return driver.findElement(By.id("status")).getText();
  }

  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Opens another page (leaving the centre's view runs its pagehide teardown). */
  void open(String url) {
    driver.get(url);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "complete".equals(js().executeScript("return document.readyState")));
  }

  private JavascriptExecutor js() {
    return driver;
  }

  private static Number num(Object o) {
    return o instanceof Number n ? n : Double.valueOf(o.toString());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
