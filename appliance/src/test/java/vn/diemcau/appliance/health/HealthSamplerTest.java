package vn.diemcau.appliance.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthSamplerTest {

    @TempDir
    Path root;

    Path proc;
    Path sys;

    void file(Path base, String rel, String content) throws IOException {
        Path f = base.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    HealthSampler fixture() throws IOException {
        proc = root.resolve("proc");
        sys = root.resolve("sys");
        file(proc, "loadavg", "0.52 0.40 0.30 1/123 4567\n");
        file(proc, "stat", "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 50 0 50 350 50 0 0 0 0 0\n");
        file(proc, "meminfo", "MemTotal:        3884548 kB\nMemFree:          100000 kB\nMemAvailable:    2000000 kB\n");
        file(proc, "uptime", "12345.67 20000.00\n");
        file(proc, "net/route", "Iface\tDestination\tGateway\tFlags\nwlan0\t0000A8C0\t00000000\t0001\neth0\t00000000\t0101A8C0\t0003\n");
        file(proc, "net/dev", "Inter-|   Receive\n face |bytes    packets\n    lo:  100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n  eth0: 123456 100 0 0 0 0 0 0 654321 90 0 0 0 0 0 0\n");
        file(sys, "class/thermal/thermal_zone0/temp", "48312\n");
        file(sys, "class/thermal/thermal_zone1/temp", "51000\n");
        file(sys, "devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "1500000\n");
        file(sys, HealthSampler.THROTTLED_SYSFS, "50005\n");
        return new HealthSampler(proc, sys, root, Clock.systemUTC(), false);
    }

    @Test
    void sample_readsEverySource() throws IOException {
        HealthSample s = fixture().sample();
        assertThat(s.cpuLoad1m()).isEqualTo(0.52);
        assertThat(s.cpuPercent()).isEqualTo(20.0);
        assertThat(s.cpuTemperatureC()).contains(51.0);
        assertThat(s.cpuFrequencyKhz()).contains(1_500_000L);
        assertThat(s.memTotalBytes()).isEqualTo(3_884_548L * 1024);
        assertThat(s.memAvailableBytes()).isEqualTo(2_000_000L * 1024);
        assertThat(s.uptimeSeconds()).isEqualTo(12345);
        assertThat(s.diskTotalBytes()).isPositive();
        assertThat(s.network().interfaceName()).isEqualTo("eth0");
        assertThat(s.network().rxBytes()).isEqualTo(123456);
        assertThat(s.network().txBytes()).isEqualTo(654321);
        assertThat(s.throttling()).isEqualTo(new HealthSample.Throttling(true, false, true, false, true));
    }

    @Test
    void cpuPercent_isBusyShareSincePreviousReading() throws IOException {
        HealthSampler sampler = fixture();
        sampler.sample();
        file(proc, "stat", "cpu  190 0 110 800 100 0 0 0 0 0\n");
        assertThat(sampler.cpuPercent()).isEqualTo(50.0);
    }

    @Test
    void missingSources_giveEmptyOrZero_neverThrow() {
        HealthSample s = new HealthSampler(root.resolve("none"), root.resolve("none"), root, Clock.systemUTC(), false).sample();
        assertThat(s.cpuTemperatureC()).isEmpty();
        assertThat(s.throttling()).isEqualTo(HealthSample.Throttling.NONE);
        assertThat(s.memTotalBytes()).isZero();
        assertThat(s.network().interfaceName()).isEqualTo("lo");
    }

    @Test
    void system_readsThisMachinePlausibly() {
        HealthSample s = HealthSampler.system(root, Clock.systemUTC()).sample();
        assertThat(s.memTotalBytes()).isGreaterThan(s.memAvailableBytes()).isPositive();
        assertThat(s.uptimeSeconds()).isPositive();
        assertThat(s.cpuPercent()).isBetween(0.0, 100.0);
    }
}
