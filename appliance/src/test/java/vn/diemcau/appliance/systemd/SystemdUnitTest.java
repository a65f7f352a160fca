package vn.diemcau.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemd-analyze verify} on the appliance unit (with ExecStart pointed at an existing
 * binary, since the real launcher is only on a box) and {@code systemd-sysusers --dry-run} on the
 * sysusers file. Any diagnostic fails the test. Needs systemd's tools; missing ones fail.
 */
class SystemdUnitTest {

    static final Path SYSTEMD = Path.of("..", "systemd");
    static final String LAUNCHER = "/usr/lib/diemcau/bin/diemcau-appliance";

    @TempDir
    Path dir;

    @Test
    void applianceUnit_passesSystemdAnalyzeVerify() throws Exception {
        String unit = Files.readString(SYSTEMD.resolve("diemcau-appliance.service"));
        assertThat(unit).contains("ExecStart=" + LAUNCHER + " --config /etc/diemcau/appliance.json --state-dir /var/lib/diemcau")
                .contains("Type=notify").contains("WatchdogSec=").contains("Restart=always")
                .contains("ProtectSystem=strict").contains("ReadWritePaths=/var/lib/diemcau /etc/diemcau")
                .contains("NoNewPrivileges=yes").contains("PrivateTmp=yes").contains("TimeoutStopSec=30s");
        Path copy = dir.resolve("diemcau-appliance.service");
        Files.writeString(copy, unit.replace("ExecStart=" + LAUNCHER, "ExecStart=/bin/true"));

        Result r = run("systemd-analyze", "verify", "--man=no", copy.toString());

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as("systemd-analyze diagnostics").isEmpty();
    }

    @Test
    void brokenUnit_isReportedBySystemdAnalyze() throws Exception {
        Path copy = dir.resolve("diemcau-appliance.service");
        Files.writeString(copy, Files.readString(SYSTEMD.resolve("diemcau-appliance.service"))
                .replace("ExecStart=" + LAUNCHER, "ExecStart=/bin/true").replace("Restart=always", "Restart=alwayz"));
        assertThat(run("systemd-analyze", "verify", "--man=no", copy.toString()).output()).contains("alwayz");
    }

    @Test
    void sysusers_dryRun_createsTheUser() throws Exception {
        Result r = run("systemd-sysusers", "--dry-run", SYSTEMD.resolve("diemcau.sysusers.conf").toAbsolutePath().toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContainIgnoringCase("fail").doesNotContainIgnoringCase("error");
        assertThat(Files.readString(SYSTEMD.resolve("diemcau.tmpfiles.conf")))
                .contains("d /etc/diemcau     0750 diemcau diemcau").contains("d /var/lib/diemcau 0750 diemcau diemcau");
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
