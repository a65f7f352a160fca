package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import vn.diemcau.appliance.config.ConfigStore;

/**
 * The admin page in headless Chromium (Debian chromium + chromium-driver), as a technician uses it:
 * first run, provisioning with field errors, status, buttons and LEDs, audio/video, maintenance, on
 * a laptop and a phone screen. One browser for the class; screenshots in target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminPageIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "Tiep-dan-2026";

    @TempDir
    static Path state;
    final FakeBox box = new FakeBox();
    Path configFile;
    ConfigStoreAdapter config;
    AdminServer server;
    ChromeDriver browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        configFile = state.resolve("appliance.json");
        Files.writeString(configFile, """
                {"boxId": "chua-cai-dat", "displayName": "Chưa cài đặt",
                 "hub": {"brokerUrl": "tcp://127.0.0.1:1883"}, "telemetryIntervalSeconds": 10}
                """);
        config = new ConfigStoreAdapter(ConfigStore.open(configFile, Map.of()));
        server = new AdminServer(AdminSettings.defaults(state).withBindAddresses(List.of("127.0.0.1")).withPorts(0, -1)
                .withPasswordIterations(1_000), new BoxConsole(config, box, box, box, box), c -> { });
        server.start();
        base = "https://localhost:" + server.httpsPort();
        Files.createDirectories(SHOTS);
        browser = Browsers.headlessChromium(state);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** A screenshot of the whole page (the window grows to the page's height for it). */
    void shot(String name) throws Exception {
        Dimension size = browser.manage().window().getSize();
        Object scrolled = browser.executeScript("return window.scrollY;");
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(size.getHeight(), height + 20))));
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
        browser.executeScript("window.scrollTo(0, arguments[0]);", scrolled);
    }

    void fill(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    @Test
    @Order(1)
    void firstRun_asksForTheSetupCode_thenThePassword() throws Exception {
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/setup");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cài đặt lần đầu");
        shot("01-setup");
        fill("f-code", "12345678");
        fill("f-password", PASSWORD);
        fill("f-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        assertThat(browser.findElement(By.id("f-code-err")).getText()).isEqualTo("Mã cài đặt không đúng.");
        shot("02-setup-wrong-code");
        fill("f-code", server.setupCode().orElseThrow());
        fill("f-password", PASSWORD);
        fill("f-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        // The click returns before the browser has followed the redirect.
        await().atMost(java.time.Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().contains("/provisioning"));
        assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("Đã đặt mật khẩu");
    }

    @Test
    @Order(2)
    void provisioning_badInput_showsFieldErrors_thenSaves() throws Exception {
        browser.get(base + "/provisioning");
        fill("f-boxId", "Xã An Phú");
        fill("f-displayName", "UBND xã An Phú <b>");
        fill("f-commune", "An Phú");
        fill("f-hubUrl", "hub.tinh.vn");
        fill("f-hubUsername", "xa-an-phu-01");
        fill("f-conferenceServer", "https://hoinghi.tinh.vn/janus");
        fill("f-conferenceRoom", "phòng 5");
        browser.findElement(By.id("save")).click();
        // The click returns before the browser has shown the answer to the POST.
        await().atMost(java.time.Duration.ofSeconds(15)).until(() -> !browser.findElements(By.id("f-boxId-err")).isEmpty());
        assertThat(browser.findElement(By.id("f-boxId-err")).getText()).startsWith("Chỉ gồm chữ thường");
        assertThat(browser.findElement(By.id("f-displayName-err")).getText()).contains("ký tự không được phép");
        assertThat(browser.findElement(By.id("f-hubUrl-err")).getText()).startsWith("Địa chỉ phải có dạng");
        assertThat(browser.findElement(By.id("f-hubPassword-err")).getText()).isEqualTo("Bắt buộc nhập.");
        assertThat(browser.findElement(By.id("f-conferenceRoom-err")).getText()).isEqualTo("Số phòng chỉ gồm chữ số.");
        assertThat(Files.readString(configFile)).contains("chua-cai-dat");
        shot("03-provisioning-errors");

        fill("f-boxId", "xa-an-phu-01");
        fill("f-displayName", "UBND xã An Phú");
        fill("f-room", "Phòng tiếp công dân");
        fill("f-hubUrl", "tcp://127.0.0.1:" + closedPort());
        fill("f-hubPassword", "mat-khau-hub");
        fill("f-conferenceRoom", "1234");
        browser.findElement(By.id("test-hub")).click();
        assertThat(browser.findElement(By.id("probe-result")).getText()).contains("Kết nối thất bại ở bước: Kết nối mạng (TCP)");
        shot("04-provisioning-test-hub");
        fill("f-hubPassword", "mat-khau-hub");
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("Đã lưu");
        assertThat(config.current().boxId()).isEqualTo("xa-an-phu-01");
        assertThat(config.current().hubPassword()).isEqualTo("mat-khau-hub");
        assertThat(browser.getPageSource()).doesNotContain("mat-khau-hub");
        assertThat(browser.findElement(By.id("rollback")).isDisplayed()).isTrue();
        shot("05-provisioning-saved");
    }

    @Test
    @Order(3)
    void status_showsTheBox() throws Exception {
        browser.get(base + "/status");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.id("call-state")).getText()).isEqualTo("Sẵn sàng");
            assertThat(browser.findElement(By.id("hub-state")).getText()).isEqualTo("Đã kết nối");
            assertThat(browser.findElement(By.id("next-session")).getText())
                    .isEqualTo("Phiên tiếp theo: 14:00 01/12 — Tiếp công dân định kỳ tháng 12");
        });
        box.hubConnected.set(false);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("hub-state")).getText()).isEqualTo("Mất kết nối"));
        shot("06-status");
    }

    @Test
    @Order(4)
    void panel_virtualButton_pressesTheBoxButton_andShowsItLive() throws Exception {
        browser.get(base + "/panel");
        WebElement button = browser.findElement(By.id("virtual-button"));
        new Actions(browser).clickAndHold(button).perform();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(box.virtualPresses).containsExactly(true);
            assertThat(browser.findElement(By.id("button-state")).getText()).isEqualTo("ĐANG NHẤN");
        });
        shot("07-panel-pressed");
        new Actions(browser).release(button).perform();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(box.virtualPresses).containsExactly(true, false);
            assertThat(browser.findElement(By.id("button-state")).getText()).isEqualTo("Không nhấn");
        });
        browser.findElement(By.cssSelector("button[name=pattern][value=ERROR]")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(box.ledPreviews).contains("ERROR"));
    }

    @Test
    @Order(5)
    void media_selfTest_showsPassOrFailPerItem() throws Exception {
        browser.get(base + "/media");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("mic-db")).getText()).isEqualTo("-42.5 dBFS"));
        browser.findElement(By.id("selftest")).click();
        assertThat(browser.findElement(By.cssSelector("li[data-item=CAMERA_FRAMES]")).getText()).contains("Đạt");
        assertThat(browser.findElement(By.cssSelector("li[data-item=TONE_HEARD]")).getText()).contains("Không đạt");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("snapshot-missing")).isDisplayed()).isTrue());
        shot("08-media-selftest");
    }

    @Test
    @Order(6)
    void logsAndMaintenance_render() throws Exception {
        browser.get(base + "/logs");
        assertThat(browser.findElement(By.id("log")).getText()).contains("hub <unreachable> & retrying");
        shot("09-logs");
        browser.get(base + "/maintenance");
        fill("f-confirm", "xong");
        browser.findElement(By.id("reset")).click();
        browser.switchTo().alert().accept();
        assertThat(browser.findElement(By.id("f-confirm-err")).getText()).isEqualTo("Hãy gõ đúng chữ XOA để xác nhận.");
        assertThat(box.actions).doesNotContain("reset");
        shot("10-maintenance");
    }

    @Test
    @Order(7)
    void phoneScreen_andEnglish() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/provisioning");
        shot("11-phone-provisioning-vi");
        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Provisioning");
        shot("12-phone-provisioning-en");
        browser.get(base + "/status");
        shot("13-phone-status-en");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
