package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaSettings;

/**
 * The Audio and video page over a real media engine (GStreamer test camera with a moving ball,
 * the test-only loopback speaker → microphone): the meter follows the test tone, and the
 * self-test passes every item with measured figures. Headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminAudioIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "Tiep-dan-2026";

    @TempDir
    static Path state;
    final FakeBox box = new FakeBox();
    MediaEngine media;
    AdminServer server;
    ChromeDriver browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        media = new MediaEngine(MediaSettings.testSources(18, 440).withSize(320, 180, 15)
                .withAudio("loopback:admin-room", "loopback:admin-room"));
        media.start();
        Path configFile = state.resolve("appliance.json");
        Files.writeString(configFile, """
                {"boxId": "xa-an-phu-01", "hub": {"brokerUrl": "tcp://127.0.0.1:1883"},
                 "media": {"audioSource": "loopback:admin-room", "audioSink": "loopback:admin-room"}}
                """);
        ConfigStoreAdapter config = new ConfigStoreAdapter(ConfigStore.open(configFile, Map.of()));
        server = new AdminServer(AdminSettings.defaults(state).withBindAddresses(List.of("127.0.0.1")).withPorts(0, -1)
                .withPasswordIterations(1_000), new BoxConsole(config, box, new MediaEngineAdapter(Optional.of(media)), box, box), c -> { });
        server.start();
        base = "https://localhost:" + server.httpsPort();
        Files.createDirectories(SHOTS);
        browser = Browsers.headlessChromium(state);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (media != null) media.close();
    }

    void fill(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    double meterDb() {
        return Double.parseDouble(browser.findElement(By.id("mic-db")).getText().replace(" dBFS", ""));
    }

    @Test
    void audioPage_meterFollowsTheTestTone_andTheSelfTestPassesEveryItem() throws Exception {
        browser.get(base + "/");
        fill("f-code", server.setupCode().orElseThrow());
        fill("f-password", PASSWORD);
        fill("f-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        // The click returns before the browser has followed the redirect.
        await().atMost(java.time.Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().contains("/provisioning"));

        browser.get(base + "/media");
        assertThat(browser.findElement(By.id("f-microphone")).getText()).contains("Test loopback (admin-room)");
        // The loopback room is silent until the speaker plays.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> meterDb() == -100.0);
        browser.findElement(By.id("tone")).click();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> meterDb() > -17 && meterDb() < -13);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> meterDb() == -100.0);

        browser.findElement(By.id("selftest")).click();
        WebElement result = browser.findElement(By.id("selftest-result"));
        String text = result.getText();
        System.out.println("self-test on the page: " + text);
        assertThat(result.getAttribute("class")).contains("ok");
        assertThat(text).contains("Tất cả đều đạt.");
        for (String item : List.of("CAMERA_FRAMES", "MICROPHONE_LEVEL", "TONE_HEARD")) {
            WebElement li = browser.findElement(By.cssSelector("li[data-item=" + item + "]"));
            assertThat(li.getAttribute("class")).as(item).isEqualTo("ok");
            assertThat(li.getText()).as(item).contains("Đạt").doesNotContain("Không đạt");
        }
        assertThat(browser.findElement(By.cssSelector("li[data-item=TONE_HEARD]")).getText()).contains("1000 Hz ở -15.");
        assertThat(browser.findElement(By.cssSelector("li[data-item=MICROPHONE_LEVEL]")).getText()).contains("nền -100.0 dBFS");
        assertThat(browser.findElement(By.cssSelector("li[data-item=CAMERA_FRAMES]")).getText()).contains("hai ảnh").contains("khác nhau");
        Files.write(SHOTS.resolve("20-media-audio-selftest.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
