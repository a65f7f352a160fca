package vn.diemcau.simulator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.BoxIdentities;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.BrokerSettings;
import vn.diemcau.simulator.Fault;
import vn.diemcau.simulator.Simulator;
import vn.diemcau.simulator.SimulatorSettings;

/**
 * One benchmark step: N boxes (bulk in child JVMs, a few probe boxes in this JVM), wait until all are
 * online, then a measurement window with commands at a fixed rate, probes killed one by one and some
 * probes frozen; the target's CPU is read from /proc over the window.
 */
final class BenchStep {
    private static final Logger LOG = LoggerFactory.getLogger(BenchStep.class);
    static final String BULK_PREFIX = "sim-";
    static final String PROBE_PREFIX = "probe-";

    private final BenchOptions options;
    private final Target target;
    private final int boxes;
    private final Path dir;

    /**
     * What is measured: the broker or hub process (pid), reachable by MQTT at host:port, how the
     * benchmark observes it, and the password of each box it accepts.
     */
    record Target(String host, int port, long pid, java.util.function.Supplier<Requester> requester,
            java.util.function.Function<List<DeviceId>, List<BoxIdentity>> credentials) {
    }

    BenchStep(BenchOptions options, Target target, int boxes, Path dir) {
        this.options = options;
        this.target = target;
        this.boxes = boxes;
        this.dir = dir;
    }

    StepResult run() throws Exception {
        int probes = options.killProbes + options.frozenProbes;
        List<DeviceId> probeIds = BoxIdentities.numbered(PROBE_PREFIX, probes, Optional.empty()).stream()
                .map(BoxIdentity::id).toList();
        List<BoxIdentity> bulk = target.credentials().apply(BoxIdentities.numbered(BULK_PREFIX, boxes - probes,
                Optional.empty()).stream().map(BoxIdentity::id).toList());
        Files.createDirectories(dir);
        try (Requester requester = target.requester().get();
             SimulatorProcesses children = new SimulatorProcesses(new SimulatorProcesses.Launch(target.host(),
                     target.port(), options.telemetryInterval, options.keepAlive, options.connectRate,
                     lifetime(), dir, List.of(),
                     options.simulatorNice),
                     bulk, options.perProcess);
             Simulator probeFleet = Simulator.start(SimulatorSettings.builder(
                     BrokerSettings.tcp(target.host(), target.port()),
                     target.credentials().apply(probeIds))
                     .telemetryInterval(options.telemetryInterval).keepAlive(options.probeKeepAlive)
                     .commandDelay(Duration.ZERO).build())) {

            long rampStart = System.nanoTime();
            long deadline = rampStart + options.onlineTimeout.toNanos();
            while (requester.online() < boxes && System.nanoTime() < deadline && children.allAlive()) {
                Thread.sleep(200);
            }
            double ramp = (System.nanoTime() - rampStart) / 1e9;
            int online = requester.online();
            LOG.info("{} boxes: {} online after {} s", boxes, online, String.format("%.1f", ramp));
            Thread.sleep(options.settle.toMillis());
            warmUp(requester, bulk);
            int roundTripsBefore = requester.roundTripsNanos().size();
            long sentBefore = requester.commandsSent();
            long unansweredBefore = requester.unanswered();
            HubTimings hubBefore = requester.hubTimings();

            List<Long> simPids = children.pids();
            ProcessMeter.Sample targetStart = ProcessMeter.sample(target.pid());
            List<ProcessMeter.Sample> simStart = simPids.stream().map(ProcessMeter::sample).toList();
            long windowStart = System.nanoTime();

            List<DeviceId> frozen = new ArrayList<>();
            for (int i = 0; i < options.frozenProbes; i++) {
                DeviceId id = probeId(options.killProbes + i + 1);
                requester.killing(id);
                probeFleet.box(id).inject(Fault.FROZEN);
                frozen.add(id);
            }
            runWindow(requester, probeFleet, bulk, windowStart, options.window, options.killProbes);

            ProcessMeter.Sample targetEnd = ProcessMeter.sample(target.pid());
            HubTimings hubWindow = requester.hubTimings().since(hubBefore);
            String load = ProcessMeter.loadAverage();
            double simCpu = 0;
            for (int i = 0; i < simPids.size(); i++) {
                simCpu += ProcessMeter.sample(simPids.get(i)).cpuPercentSince(simStart.get(i), options.cores);
            }
            double window = (targetEnd.nanoTime() - targetStart.nanoTime()) / 1e9;
            long freezeDeadline = System.nanoTime() + options.probeKeepAlive.multipliedBy(3).toNanos();
            while (!requester.offlineAfterNanos().keySet().containsAll(frozen) && System.nanoTime() < freezeDeadline) {
                Thread.sleep(100);
            }
            List<Long> kills = new ArrayList<>();
            List<Long> freezes = new ArrayList<>();
            requester.offlineAfterNanos().forEach((id, nanos) -> (frozen.contains(id) ? freezes : kills).add(nanos));
            return new StepResult(boxes, online, ramp, window,
                    targetEnd.cpuPercentSince(targetStart, options.cores),
                    ProcessMeter.rssBytes(target.pid()) / 1e6, ProcessMeter.peakRssBytes(target.pid()) / 1e6,
                    ProcessMeter.threads(target.pid()), simCpu,
                    StepResult.Stats.ofNanos(afterFirst(requester.roundTripsNanos(), roundTripsBefore)),
                    requester.commandsSent() - sentBefore, requester.unanswered() - unansweredBefore,
                    StepResult.Stats.ofNanos(kills), StepResult.Stats.ofNanos(freezes), load, hubWindow);
        }
    }

    /** How long the bulk simulators live: ramp, warm-up and its drain, window, and the offline checks after it. */
    private java.time.Duration lifetime() {
        return options.onlineTimeout.plus(options.warmup).plusSeconds(30).plus(options.window).plusSeconds(60);
    }

    /**
     * Commands at the window's rate for {@code --warmup} (not counted; a freshly started hub's JIT is
     * still compiling the command path), then up to 30 s for their answers, so the window measures
     * the steady state.
     */
    private void warmUp(Requester requester, List<BoxIdentity> bulk) throws InterruptedException {
        if (options.warmup.isZero()) {
            return;
        }
        runWindow(requester, null, bulk, System.nanoTime(), options.warmup, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (requester.unanswered() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        LOG.info("{} boxes: warm-up done ({} commands, {} unanswered)", boxes, requester.commandsSent(),
                requester.unanswered());
    }

    private static List<Long> afterFirst(List<Long> all, int skip) {
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** Commands at a steady rate to random bulk boxes; the kill probes die one by one, evenly spread. */
    private void runWindow(Requester requester, Simulator probeFleet, List<BoxIdentity> bulk, long windowStart,
            Duration length, int killProbes) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(boxes + windowStart);
        long windowNanos = length.toNanos();
        long commandEvery = 1_000_000_000L / options.commandRate;
        long killEvery = windowNanos / (killProbes + 1);
        long nextCommand = windowStart;
        long nextKill = windowStart + killEvery;
        int killed = 0;
        while (System.nanoTime() - windowStart < windowNanos) {
            long now = System.nanoTime();
            if (now >= nextCommand) {
                requester.command(bulk.get(random.nextInt(bulk.size())).id());
                nextCommand += commandEvery;
            }
            if (killed < killProbes && now >= nextKill) {
                DeviceId id = probeId(++killed);
                requester.killing(id);
                probeFleet.kill(id);
                nextKill += killEvery;
            }
            long sleep = Math.min(nextCommand, nextKill) - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
    }

    private DeviceId probeId(int n) {
        return BoxIdentities.numbered(PROBE_PREFIX, n, 1, Optional.empty()).getFirst().id();
    }
}
