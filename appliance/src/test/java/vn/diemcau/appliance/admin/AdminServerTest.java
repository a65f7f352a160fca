package vn.diemcau.appliance.admin;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page over real HTTPS (Jetty on free ports): first run, login, lockout, sessions, CSRF, headers. */
class AdminServerTest {
    static final String PASSWORD = "mat-khau-8chu";

    @TempDir
    Path state;
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));
    final FakeBox box = new FakeBox();
    final List<Optional<String>> shownCodes = new CopyOnWriteArrayList<>();
    AdminServer server;
    AdminClient client;

    @BeforeEach
    void start() throws Exception {
        server = new AdminServer(AdminSettings.defaults(state).withBindAddresses(List.of("127.0.0.1")).withPorts(0, 0)
                .withPasswordIterations(1_000).withClock(clock), box.console(), shownCodes::add);
        server.start();
        client = new AdminClient(state.resolve("admin"), server.httpsPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, String> form(Provisioning p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("boxId", p.boxId());
        m.put("displayName", p.displayName());
        m.put("commune", p.commune());
        m.put("room", p.room());
        m.put("hubUrl", p.hubUrl());
        m.put("hubUsername", p.hubUsername());
        m.put("hubPassword", "");
        m.put("conferenceServer", p.conferenceServer());
        m.put("conferenceRoom", p.conferenceRoom());
        m.put("conferencePin", "");
        return m;
    }

    void firstRun() throws Exception {
        String code = server.setupCode().orElseThrow();
        HttpResponse<String> r = client.submit("/setup", "/setup", Map.of("code", code, "password", PASSWORD, "confirm", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/provisioning?welcome=1");
    }

    @Test
    void panel_virtualMute_pressesTheBoxMuteButton_withCsrfOnly() throws Exception {
        firstRun();
        assertThat(client.get("/panel").body()).contains("id=\"virtual-mute\"", "Tắt/bật micro");
        assertThat(client.post("/panel/mute", Map.of()).statusCode()).isEqualTo(403);
        assertThat(box.actions).doesNotContain("mute");
        HttpResponse<String> r = client.submit("/panel", "/panel/mute", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(box.actions).containsExactly("mute");
    }

    @Test
    void webServer_startsOnTheFirstConnection_whileThePortListensFromStart() throws Exception {
        assertThat(server.webServerRunning()).isFalse();
        try (Socket s = new Socket("127.0.0.1", server.httpsPort())) {
            assertThat(s.isConnected()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(server::webServerRunning);
        }
        assertThat(client.get("/status").statusCode()).isEqualTo(303);
    }

    @Test
    void closedBeforeAnyConnection_freesItsPorts_withoutStartingTheWebServer() throws Exception {
        int https = server.httpsPort();
        int http = server.httpPort();
        server.close();
        assertThat(server.webServerRunning()).isFalse();
        for (int port : new int[] {https, http}) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void plainHttp_redirectsToHttps() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/status?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).contains("https://127.0.0.1:" + server.httpsPort() + "/status?x=1");
    }

    @Test
    void firstRun_showsSetupCodeUntilDone_thenLoginWorks() throws Exception {
        assertThat(shownCodes).containsExactly(server.setupCode());
        assertThat(server.setupCode().orElseThrow()).matches("[0-9]{8}");
        assertThat(client.get("/status").headers().firstValue("Location")).contains("/setup");

        firstRun();

        assertThat(server.setupCode()).isEmpty();
        assertThat(shownCodes).last().isEqualTo(Optional.empty());
        assertThat(client.get("/status").statusCode()).isEqualTo(200);
        assertThat(client.get("/setup").headers().firstValue("Location")).contains("/status");

        AdminClient other = new AdminClient(state.resolve("admin"), server.httpsPort());
        assertThat(other.get("/status").headers().firstValue("Location")).contains("/login");
        assertThat(other.submit("/login", "/login", Map.of("password", PASSWORD)).statusCode()).isEqualTo(303);
        HttpResponse<String> status = other.get("/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("Trạng thái").contains("xa-an-phu-01".equals(box.current().boxId()) ? "UBND xã An Phú" : "");
    }

    @Test
    void firstRun_wrongCodeOrShortPassword_isRefused() throws Exception {
        HttpResponse<String> wrong = client.submit("/setup", "/setup", Map.of("code", "00000000x", "password", PASSWORD, "confirm", PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Mã cài đặt không đúng");
        String code = server.setupCode().orElseThrow();
        HttpResponse<String> shortPw = client.submit("/setup", "/setup", Map.of("code", code, "password", "short", "confirm", "short"));
        assertThat(shortPw.statusCode()).isEqualTo(400);
        assertThat(shortPw.body()).contains("ít nhất 8 ký tự");
        assertThat(server.setupCode()).contains(code);
    }

    @Test
    void login_fiveWrongPasswords_locksOutEvenTheRightOne_forAGrowingPeriod() throws Exception {
        firstRun();
        AdminClient other = new AdminClient(state.resolve("admin"), server.httpsPort());
        for (int i = 0; i < 4; i++) {
            assertThat(other.submit("/login", "/login", Map.of("password", "wrong-" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = other.submit("/login", "/login", Map.of("password", "wrong-5"));
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("Nhập sai quá nhiều lần");
        assertThat(other.submit("/login", "/login", Map.of("password", PASSWORD)).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> sixth = other.submit("/login", "/login", Map.of("password", "wrong-6"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After").map(Integer::parseInt).orElseThrow()).isBetween(31, 60);

        clock.advance(Duration.ofSeconds(61));
        assertThat(other.submit("/login", "/login", Map.of("password", PASSWORD)).statusCode()).isEqualTo(303);
        assertThat(other.get("/status").statusCode()).isEqualTo(200);
    }

    @Test
    void session_idleTimeout_endsTheSession() throws Exception {
        firstRun();
        clock.advance(Duration.ofMinutes(14));
        assertThat(client.get("/status").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> r = client.get("/status");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/login?expired=1");
        assertThat(client.get("/login?expired=1").body()).contains("Phiên làm việc đã hết hạn");
    }

    @Test
    void session_maximumAge_endsEvenAnActiveSession() throws Exception {
        firstRun();
        for (int i = 0; i < 34; i++) {
            clock.advance(Duration.ofMinutes(14));
            assertThat(client.get("/status").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(client.get("/status").headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void sessionCookie_isHttpOnlySecureStrict_andPagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> r = client.get("/setup");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE)).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void post_withoutOrWithWrongCsrf_isForbidden() throws Exception {
        firstRun();
        Map<String, String> f = form(box.current());
        f.put("displayName", "Changed");
        assertThat(client.post("/provisioning", f).statusCode()).isEqualTo(403);
        f.put("_csrf", "not-the-token");
        HttpResponse<String> r = client.post("/provisioning", f);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Biểu mẫu đã cũ").contains("The form is outdated");
        assertThat(client.post("/maintenance/restart", Map.of()).statusCode()).isEqualTo(403);
        assertThat(box.saves.get()).isZero();
        assertThat(box.actions).isEmpty();
    }

    @Test
    void post_fromAnotherOrigin_isForbiddenEvenWithTheToken() throws Exception {
        firstRun();
        String token = client.csrf("/maintenance");
        HttpResponse<String> r = client.postRaw("/maintenance/restart", "_csrf=" + token, Map.of("Origin", "https://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> site = client.postRaw("/maintenance/restart", "_csrf=" + token, Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(site.statusCode()).isEqualTo(403);
        assertThat(box.actions).isEmpty();
        HttpResponse<String> ok = client.postRaw("/maintenance/restart", "_csrf=" + token, Map.of("Origin", client.base));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(box.actions).containsExactly("restart");
    }

    @Test
    void logout_endsTheSession() throws Exception {
        firstRun();
        assertThat(client.submit("/status", "/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(client.get("/status").headers().firstValue("Location")).contains("/login");
    }

    @Test
    void failure_inABoxPort_showsABilingualMessageAndNoStackTrace() throws Exception {
        firstRun();
        box.statusFailure = new IllegalStateException("boom at vn.diemcau.Secret.method(Secret.java:42)");
        HttpResponse<String> r = client.get("/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Không đọc được trạng thái").doesNotContain("boom").doesNotContain("Exception").doesNotContain("Secret.java");
        HttpResponse<String> missing = client.get("/static/..%2F..%2Fetc%2Fpasswd");
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.eclipse");
        assertThat(missing.statusCode()).isIn(400, 404);
    }

    @Test
    void languageSwitch_showsEnglish() throws Exception {
        firstRun();
        assertThat(client.get("/lang?to=en&back=/provisioning").headers().firstValue("Location")).contains("/provisioning");
        assertThat(client.get("/provisioning").body()).contains("Test hub connection").contains("lang=\"en\"");
        assertThat(client.get("/lang?to=vi&back=//evil.example").headers().firstValue("Location")).contains("/");
        assertThat(client.get("/provisioning").body()).contains("Kiểm tra kết nối trung tâm");
    }

    @Test
    void factoryReset_needsTypedConfirmation_thenReturnsToFirstRun() throws Exception {
        firstRun();
        HttpResponse<String> wrong = client.submit("/maintenance", "/maintenance/reset", Map.of("confirm", "yes"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(box.actions).isEmpty();
        HttpResponse<String> done = client.submit("/maintenance", "/maintenance/reset", Map.of("confirm", "xoa"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(box.actions).containsExactly("reset");
        assertThat(server.setupCode()).isPresent();
        assertThat(shownCodes).last().isEqualTo(server.setupCode());
        assertThat(client.get("/status").headers().firstValue("Location")).contains("/setup");
    }
}
