package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.hardware.Hardware;
import vn.diemcau.hardware.HardwareKit;
import vn.diemcau.hardware.HardwareSettings;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.TopicPermissions;

/** The fleet link over {@code ssl://} with the hub's CA from {@code hub.caFile}; a foreign CA is refused. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApplianceTlsIT {

    static final DeviceId BOX = DeviceId.of("xa-tls-01");

    @TempDir
    Path dir;

    @Test
    void sslBroker_withConfiguredCa_connects_andForeignCa_isRefused() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        ca(pki, "ca");
        ca(pki, "other-ca");
        openssl(pki, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(pki.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl(pki, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        Files.createDirectories(dir.resolve("broker"));
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), Map.of(BOX.value(), "pw", "_hub", "hubpw"),
                TopicPermissions.mosquittoAcl(), Optional.of(new MosquittoBroker.Tls(pki.resolve("ca.pem"), pki.resolve("server.pem"),
                pki.resolve("server.key")))).start();
             HubClient hub = new HubClient(broker.url(), "hubpw")) {

            try (Running foreign = start(broker.tlsUrl(), pki.resolve("other-ca.pem"), "foreign")) {
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
                assertThat(foreign.appliance().snapshot().fleet().connected()).isFalse();
                assertThat(hub.on(BOX, Channel.STATUS)).isEmpty();
            }
            try (Running trusted = start(broker.tlsUrl(), pki.resolve("ca.pem"), "trusted")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> trusted.appliance().snapshot().fleet().connected());
                await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.STATUS, Status.class).stream()
                        .anyMatch(s -> s.presence() == Presence.ONLINE));
            }
        }
    }

    record Running(Appliance appliance, HardwareKit kit) implements AutoCloseable {
        @Override
        public void close() {
            appliance.close();
            kit.close();
        }
    }

    private Running start(String url, Path caFile, String name) throws IOException {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, ApplianceConfigs.devJson(BOX.value(), url, "pw")
                .replace("\"keepAliveSeconds\": 5,", "\"keepAliveSeconds\": 5, \"caFile\": \"" + caFile + "\","));
        HardwareKit kit = Hardware.open(HardwareSettings.defaults().withProfile(HardwareSettings.Profile.VIRTUAL));
        Appliance a = new Appliance(ConfigStore.open(config, Map.of()), dir.resolve(name + "-state"), new NoMediaConference(),
                kit.joinButton(), kit.lights(), kit.board(), Clock.systemUTC());
        a.start();
        return new Running(a, kit);
    }

    private static void ca(Path pki, String name) throws IOException, InterruptedException {
        openssl(pki, "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=diemcau test " + name);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
    }
}
