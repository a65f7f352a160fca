package vn.diemcau.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.TestBox;

/**
 * The dashboard in headless Chromium against a real hub (embedded broker, SQLite) with real
 * MQTT boxes: one box runs in its own JVM (so it can be killed like a crashed appliance), one
 * in-process box sends telemetry and answers commands in two stages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DashboardBrowserIT {
  /** Generous: the CI machine is shared; the live-update latency itself is printed. */
  private static final Duration LIVE = Duration.ofSeconds(15);

  private Path state;
  private DashboardHub hub;
  private Browser browser;
  private TestBox inProcess;
  private Process remote;

  @BeforeAll
  void start() throws Exception {
    state = Files.createTempDirectory("diemcau-dashboard-it-");
    hub = new DashboardHub(state);
    String pw1 = hub.register("xa-tan-an-01", "Xã Tân An", "Tân An", "Phòng tiếp dân");
    String pw2 = hub.register("xa-binh-minh-01", "Xã Bình Minh", "Bình Minh", "Hội trường");
    hub.register("xa-phu-my-01", "Xã Phú Mỹ", "Phú Mỹ", "Phòng họp 2");
    inProcess = new TestBox(hub.brokerUrl(), "xa-tan-an-01", pw1, 5).online();
    for (int i = 0; i < 3; i++) {
      inProcess.telemetry(TestBox.telemetry(52.5 + i, true));
    }
    remote = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), TestBox.class.getName(), hub.brokerUrl(), "xa-binh-minh-01", pw2, "5")
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(remote.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("READY")) {
      // the child's log lines
    }
    assertThat(line).isEqualTo("READY");
    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
    await().atMost(LIVE).ignoreExceptions().until(() -> hub.hub.services().presence().online() == 2);
    browser = new Browser(hub.base());
  }

  @org.junit.jupiter.api.AfterEach
  void lastScreen(org.junit.jupiter.api.TestInfo info) throws Exception {
    browser.screenshot("last-" + info.getTestMethod().orElseThrow().getName());
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (remote != null) {
      remote.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (inProcess != null) {
      inProcess.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  @Order(1)
  void admin_logsIn_andSeesAboxGoOfflineLive_whenItsProcessDies() throws Exception {
    browser.login("admin", hub.adminPassword);
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#rows tr[data-box]").size() == 3);
    assertThat(browser.text("#summary")).isEqualTo("2/3 trực tuyến · 0 đang họp · 0 cảnh báo");
    assertThat(browser.text("tr[data-box='xa-binh-minh-01'] .presence-cell")).isEqualTo("Trực tuyến");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.driver.findElement(By.id("live")).getAttribute("class").contains("on"));
    browser.screenshot("01-fleet-admin");

    remote.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    long killed = System.nanoTime();
    await().atMost(LIVE).ignoreExceptions().pollInterval(Duration.ofMillis(50)).until(() ->
        browser.text("tr[data-box='xa-binh-minh-01'] .presence-cell").equals("Vừa mất kết nối"));
    System.out.printf("fleet row offline %d ms after kill -9 of the box process%n", (System.nanoTime() - killed) / 1_000_000);
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#summary").startsWith("1/3 trực tuyến"));
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("tr[data-box='xa-binh-minh-01'] .health-cell").contains("Mất kết nối"));
    browser.screenshot("02-fleet-box-dropped");

    browser.one("#f-state [data-state='offline']").click();
    assertThat(browser.all("#rows tr[data-box]")).hasSize(2);
    browser.one("#f-state [data-state='']").click();
    new org.openqa.selenium.support.ui.Select(browser.one("#f-commune")).selectByValue("Tân An");
    assertThat(browser.all("#rows tr[data-box]")).hasSize(1);
  }

  @Test
  @Order(2)
  void operator_sendsAcommandFromTheBoxPage_andSeesItSucceedLive() throws Exception {
    hub.admin.post("/api/users", Map.of("username", "dieuhanh", "password", "mat-khau-dieu-hanh", "role", "OPERATOR"));
    browser.login("dieuhanh", "mat-khau-dieu-hanh");
    await().atMost(LIVE).ignoreExceptions().until(() -> !browser.all("#rows tr[data-box]").isEmpty());
    browser.open("/ui/boxes/xa-tan-an-01");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#b-name").equals("Xã Tân An"));
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#charts .chart polyline").size() >= 2);
    int before = inProcess.received.size();

    browser.one("[data-cmd='identify']").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#dialog").isDisplayed());
    browser.one("#dialog-ok").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> "SUCCEEDED".equals(browser.one("#commands tr[data-command]").getAttribute("data-state")));
    assertThat(browser.text("#commands tr[data-command] .chain")).contains("Đã gửi").contains("Thành công");
    assertThat(inProcess.received).hasSize(before + 1);
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#audit").contains("command.identify"));
    browser.driver.executeScript("document.getElementById('commands').scrollIntoView({block: 'center'})");
    browser.screenshot("03-box-command-succeeded");

    // Remote support: the box's recent log lines on its page, without a trip to the commune.
    assertThat(browser.text("#logs-meta")).contains("Chưa có nhật ký");
    browser.driver.executeScript("window.scrollTo(0, 0)");
    browser.one("[data-cmd='collect_logs']").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#dialog").isDisplayed());
    browser.one("#dialog-ok").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#logs").isDisplayed()
        && browser.text("#logs").contains("dòng nhật ký 1 của xa-tan-an-01"));
    assertThat(browser.text("#logs-meta")).startsWith("500 dòng");
    assertThat(browser.one("#logs-download").isDisplayed()).isTrue();
    assertThat(inProcess.received).hasSize(before + 2);
    browser.driver.executeScript("document.getElementById('logs-card').scrollIntoView({block: 'center'})");
    browser.screenshot("14-box-logs");
  }

  @Test
  @Order(3)
  void operator_startsAgroupOfRooms_andSeesAresultPerBox() throws Exception {
    hub.admin.post("/api/users", Map.of("username", "dieuhanh2", "password", "mat-khau-dieu-hanh", "role", "OPERATOR"));
    browser.login("dieuhanh2", "mat-khau-dieu-hanh");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#rows tr[data-box]").size() == 3);
    browser.one("tr[data-box='xa-tan-an-01'] .sel-box").click();
    browser.one("[data-group='identify']").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#dialog").isDisplayed());
    browser.one("#dialog-ok").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> "SUCCEEDED".equals(
        browser.one("#group-list li[data-box='xa-tan-an-01']").getAttribute("data-state")));
    browser.screenshot("04-fleet-group-result");
  }

  @Test
  @Order(4)
  void viewer_seesNoActionButtons_andTheApiRefusesTheAction() throws Exception {
    hub.admin.post("/api/users", Map.of("username", "nguoixem", "password", "mat-khau-nguoi-xem", "role", "VIEWER"));
    browser.login("nguoixem", "mat-khau-nguoi-xem");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#rows tr[data-box]").size() == 3);
    assertThat(browser.all("[data-group], .sel-box, #sel-all")).isEmpty();
    assertThat(browser.all("a[href='/ui/register'], a[href='/ui/users']")).isEmpty();
    browser.screenshot("05-fleet-viewer");
    browser.open("/ui/boxes/xa-tan-an-01");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#b-name").equals("Xã Tân An"));
    assertThat(browser.all("button[data-cmd], #rotate, #toggle-enabled, #actions, #credentials")).isEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain("data-cmd");
    browser.screenshot("06-box-viewer");

    Api viewer = new Api(hub.hub.httpPort()).login("nguoixem", "mat-khau-nguoi-xem");
    Api.Result r = viewer.post("/api/commands", Map.of("boxes", List.of("xa-tan-an-01"), "command",
        Map.of("type", "identify", "seconds", 5)));
    assertThat(r.status()).isEqualTo(403);
    browser.open("/ui/register");
    assertThat(browser.text("#error-message")).contains("không có quyền");
    assertThat(browser.driver.getPageSource()).doesNotContain("Exception").doesNotContain("at vn.diemcau");
  }

  @Test
  @Order(6)
  void admin_registersAbox_andGetsTheCredentialsCardOnce_withAqrCode() throws Exception {
    browser.login("admin", hub.adminPassword);
    await().atMost(LIVE).ignoreExceptions().until(() -> !browser.all("#rows tr[data-box]").isEmpty());
    browser.open("/ui/register");
    browser.one("#r-id").sendKeys("xa-an-hoa-01");
    browser.one("#r-name").sendKeys("Xã An Hòa");
    browser.one("#r-commune").sendKeys("An Hòa");
    browser.one("#r-room").sendKeys("Phòng tiếp dân");
    browser.one("#r-submit").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> !browser.all("#cred-qr svg").isEmpty());
    String password = browser.text("#cred-password");
    assertThat(password).hasSizeGreaterThan(10);
    assertThat(browser.text("#cred-id")).isEqualTo("xa-an-hoa-01");
    assertThat(hub.hub.services().registry().authenticate("xa-an-hoa-01", password)).isTrue();
    browser.screenshot("07-register-card");

    browser.open("/ui/users");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#users").contains("nguoixem"));
    browser.screenshot("10-users");
    browser.open("/ui/boxes/xa-tan-an-01");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#cred-facts").contains("xa-tan-an-01"));
    browser.screenshot("11-box-admin");
  }

  @Test
  @Order(5)
  void alerts_areListedBySeverity_andAcknowledgedByName_inEnglish() throws Exception {
    inProcess.telemetry(TestBox.telemetry(55, false));
    await().atMost(LIVE).ignoreExceptions().until(() -> hub.hub.services().alerts().openCount() >= 1);
    browser.login("admin", hub.adminPassword);
    browser.open("/ui/lang/en");
    browser.open("/ui/alerts");
    await().atMost(LIVE).ignoreExceptions().until(() -> !browser.all("#open-alerts [data-ack]").isEmpty());
    assertThat(browser.text("#open-alerts")).contains("Camera missing");
    browser.screenshot("08-alerts-en");
    browser.one("#open-alerts [data-ack]").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#open-alerts").contains("Acknowledged by admin"));
    assertThat(hub.admin.get("/api/alerts").body()).contains("\"acknowledgedBy\":\"admin\"");
    browser.open("/ui/fleet");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#summary").contains("alerts"));
    browser.screenshot("09-fleet-en");
    browser.open("/ui/lang/vi");
    inProcess.telemetry(TestBox.telemetry(55, true));
  }

  @Test
  @Order(6)
  void admin_seesWhichRoomsAreMuted_onTheFleetAndTheBoxPage() throws Exception {
    String topic = vn.diemcau.protocol.Topics.of(vn.diemcau.protocol.DeviceId.of("xa-tan-an-01"), vn.diemcau.protocol.Channel.REPORTED);
    inProcess.publishRaw(topic, vn.diemcau.protocol.ProtocolCodec.encode(new vn.diemcau.protocol.ReportedState(0,
        java.time.Instant.now(), vn.diemcau.protocol.CallState.IN_CALL, java.util.Optional.of("1234"), java.util.Optional.empty(), true)), 1);
    browser.login("admin", hub.adminPassword);
    await().atMost(LIVE).ignoreExceptions().until(() ->
        browser.text("tr[data-box='xa-tan-an-01'] .call-cell").contains("Micro đang tắt"));
    assertThat(browser.text("tr[data-box='xa-tan-an-01'] .call-cell")).contains("Đang họp").contains("1234");
    assertThat(browser.all("tr[data-box='xa-binh-minh-01'] .mic-muted")).isEmpty();
    browser.screenshot("12-fleet-muted-room");
    browser.open("/ui/boxes/xa-tan-an-01");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#b-muted").contains("Micro đang tắt"));

    inProcess.publishRaw(topic, vn.diemcau.protocol.ProtocolCodec.encode(new vn.diemcau.protocol.ReportedState(0,
        java.time.Instant.now(), vn.diemcau.protocol.CallState.IN_CALL, java.util.Optional.of("1234"), java.util.Optional.empty(), false)), 1);
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#b-muted").isEmpty());
  }

  @Test
  @Order(7)
  void operator_startsAsessionForAllRooms_theBoxGetsTheView_andAjunkViewIsExplained() throws Exception {
    browser.login("admin", hub.adminPassword);
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.all("#rows tr[data-box]").size() >= 3);
    int before = inProcess.received.size();
    browser.one("tr[data-box='xa-tan-an-01'] .sel-box").click();
    browser.one("[data-group='join']").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#dialog").isDisplayed());
    org.openqa.selenium.support.ui.Select view = new org.openqa.selenium.support.ui.Select(browser.one("#join-view"));
    assertThat(view.getOptions()).extracting(org.openqa.selenium.WebElement::getText)
        .containsExactly("Chỉ điểm cầu trung tâm", "Tất cả điểm cầu");
    assertThat(view.getFirstSelectedOption().getAttribute("value")).isEqualTo("CENTRE");
    browser.one("#dialog-body input[name='conferenceUrl']").clear();
    browser.one("#dialog-body input[name='conferenceUrl']").sendKeys("http://10.0.0.5:8088/janus");
    view.selectByValue("ALL");
    browser.screenshot("13-session-start-all-rooms");
    browser.one("#dialog-ok").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> "SUCCEEDED".equals(
        browser.one("#group-list li[data-box='xa-tan-an-01']").getAttribute("data-state")));
    assertThat(inProcess.received).hasSize(before + 1);
    assertThat(inProcess.received.getLast().command()).isInstanceOfSatisfying(vn.diemcau.protocol.Command.Join.class,
        j -> assertThat(j.view()).contains(vn.diemcau.protocol.ConferenceView.ALL));

    // The box reports the view it plays; its page says so.
    String topic = vn.diemcau.protocol.Topics.of(vn.diemcau.protocol.DeviceId.of("xa-tan-an-01"), vn.diemcau.protocol.Channel.REPORTED);
    inProcess.publishRaw(topic, vn.diemcau.protocol.ProtocolCodec.encode(new vn.diemcau.protocol.ReportedState(0,
        java.time.Instant.now(), vn.diemcau.protocol.CallState.IN_CALL, java.util.Optional.of("1234"), java.util.Optional.empty(),
        false, java.util.Optional.of(vn.diemcau.protocol.ConferenceView.ALL))), 1);
    browser.open("/ui/boxes/xa-tan-an-01");
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text("#facts").contains("Tất cả điểm cầu"));

    // A tampered form value is refused with a message naming the choices; nothing is sent.
    browser.one("[data-cmd='join']").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.one("#dialog").isDisplayed());
    browser.driver.executeScript("const s = document.getElementById('join-view');"
        + "s.add(new Option('x', 'everyone')); s.value = 'everyone';");
    browser.one("#dialog-ok").click();
    await().atMost(LIVE).ignoreExceptions().until(() -> browser.text(".toast.bad").contains("'everyone' is not a view"));
    assertThat(browser.text(".toast.bad")).contains("CENTRE").contains("ALL");
    assertThat(inProcess.received).hasSize(before + 1);
  }
}
