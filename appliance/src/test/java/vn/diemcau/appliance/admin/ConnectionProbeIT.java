package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.MosquittoBroker;
import vn.diemcau.appliance.conference.JanusFixture;

/** "Test connection" against a real Mosquitto 2 (password file) and a real Janus VideoRoom: each failure names its stage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectionProbeIT {
    @TempDir
    static Path dir;
    MosquittoBroker broker;
    JanusFixture janus;
    final ConnectionProbe probe = new ConnectionProbe(Clock.systemUTC());

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(dir.resolve("mqtt"));
        Files.createDirectories(dir.resolve("janus"));
        broker = new MosquittoBroker(dir.resolve("mqtt"), Map.of("xa-an-phu-01", "dung-mat-khau"),
                "pattern readwrite diemcau/v1/box/%u/#\n").start();
        janus = new JanusFixture(dir.resolve("janus"), "1234:Tiep dan").start();
    }

    @AfterAll
    void stop() {
        if (janus != null) janus.close();
        if (broker != null) broker.close();
    }

    @Test
    void hub_rightCredentials_passesEveryStep() {
        ProbeReport r = probe.hub(broker.url(), "xa-an-phu-01", "xa-an-phu-01", "dung-mat-khau");
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.steps()).extracting(ProbeReport.Step::stage)
                .containsExactly(ProbeReport.Stage.DNS, ProbeReport.Stage.TCP, ProbeReport.Stage.MQTT_AUTH);
    }

    @Test
    void hub_wrongPassword_failsAtAuthentication() {
        ProbeReport r = probe.hub(broker.url(), "xa-an-phu-01", "xa-an-phu-01", "sai-mat-khau");
        ProbeReport.Step failed = r.failure().orElseThrow();
        assertThat(failed.stage()).isEqualTo(ProbeReport.Stage.MQTT_AUTH);
        assertThat(failed.messageKey()).isIn("probe.mqtt.badauth", "probe.mqtt.notauthorized");
        assertThat(failed.detail()).startsWith("CONNACK 0x8");
    }

    @Test
    void hub_unknownHost_failsAtNameLookup() {
        ProbeReport r = probe.hub("tcp://hub.khong-co.invalid:1883", "xa-an-phu-01", "xa-an-phu-01", "x");
        assertThat(r.failure().orElseThrow().stage()).isEqualTo(ProbeReport.Stage.DNS);
    }

    @Test
    void hub_tlsToAPlainPort_failsAtTls() {
        ProbeReport r = probe.hub("ssl://127.0.0.1:" + broker.port(), "xa-an-phu-01", "xa-an-phu-01", "dung-mat-khau");
        assertThat(r.failure().orElseThrow().stage()).isEqualTo(ProbeReport.Stage.TLS);
    }

    @Test
    void conference_existingRoom_passes_missingRoom_failsAtRoom() {
        ProbeReport ok = probe.conference(janus.api().toString(), "1234");
        assertThat(ok.ok()).as(ok.toString()).isTrue();
        assertThat(ok.steps()).extracting(ProbeReport.Step::stage).containsExactly(ProbeReport.Stage.DNS, ProbeReport.Stage.TCP,
                ProbeReport.Stage.JANUS_API, ProbeReport.Stage.ROOM);
        ProbeReport missing = probe.conference(janus.api().toString(), "9999");
        assertThat(missing.failure().orElseThrow().stage()).isEqualTo(ProbeReport.Stage.ROOM);
        assertThat(missing.failure().orElseThrow().messageKey()).isEqualTo("probe.room.missing");
    }

    @Test
    void conference_notJanus_failsAtTheApiStep() {
        ProbeReport r = probe.conference("http://127.0.0.1:" + broker.port() + "/janus", "1234");
        assertThat(r.failure().orElseThrow().stage()).isEqualTo(ProbeReport.Stage.JANUS_API);
    }
}
