package vn.diemcau.simulator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.BoxIdentity;

/**
 * The hub program ({@code vn.diemcau.hub.Main}) in a child JVM, with its embedded broker, HTTP API on
 * loopback and a state directory kept across steps (so boxes are registered once). The first start
 * prints the one-time admin password, which is kept in the work directory with the issued box passwords.
 */
final class HubProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubProcess.class);
    /** The hub starts in ~5 s on an idle machine; on a saturated one its migrations alone took 42 s. */
    private static final int START_TIMEOUT_SECONDS = 300;
    private static final Pattern ADMIN = Pattern.compile("username 'admin', password '([^']+)'");

    private final Process process;
    private final int mqttPort;
    private final HubApi api;
    private final Path workDir;

    HubProcess(String classpath, String jvmOptions, Path workDir, Path stepDir) throws IOException, InterruptedException {
        this.workDir = workDir;
        this.mqttPort = MosquittoProcess.freePort();
        int httpPort = MosquittoProcess.freePort();
        Path config = stepDir.resolve("hub.properties");
        Files.writeString(config, String.join("\n",
                "state.dir=" + workDir.resolve("hub-state"),
                "http.host=127.0.0.1",
                "http.port=" + httpPort,
                "broker.host=127.0.0.1",
                "broker.port=" + mqttPort,
                "broker.tls.port=" + MosquittoProcess.freePort(),
                ""));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", classpath, "vn.diemcau.hub.Main", "-c", config.toString()));
        LOG.info("hub JVM options: {}", jvmOptions);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = stepDir.resolve("hub.log");
        Thread pump = new Thread(() -> pump(log), "bench-hub-log");
        pump.setDaemon(true);
        pump.start();
        awaitPort(httpPort);
        awaitPort(mqttPort);
        api = new HubApi(URI.create("http://127.0.0.1:" + httpPort));
        api.login("admin", Files.readString(workDir.resolve("admin-password")).strip());
        LOG.info("hub pid {}: MQTT 127.0.0.1:{}, HTTP 127.0.0.1:{}", process.pid(), mqttPort, httpPort);
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = ADMIN.matcher(line);
                if (m.find()) {
                    Files.writeString(workDir.resolve("admin-password"), m.group(1));
                    line = line.replace(m.group(1), "***");
                }
                out.println(line);
            }
        } catch (IOException e) {
            LOG.debug("hub output ended: {}", e.toString());
        }
    }

    private void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub exited at start with code " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (port != mqttPort || Files.exists(workDir.resolve("admin-password"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("hub did not listen on port " + port + " within " + START_TIMEOUT_SECONDS + " s");
    }

    int mqttPort() {
        return mqttPort;
    }

    long pid() {
        return process.pid();
    }

    HubApi api() {
        return api;
    }

    /** Registers the boxes not registered yet (8 requests at a time) and returns everyone's credentials. */
    List<BoxIdentity> credentials(List<DeviceId> ids) {
        Path file = workDir.resolve("hub-credentials.csv");
        Map<String, String> known = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] p = line.split(",", 2);
                    known.put(p[0], p[1]);
                }
            }
            List<DeviceId> missing = ids.stream().filter(id -> !known.containsKey(id.value())).toList();
            long start = System.nanoTime();
            for (int i = 0; i < missing.size(); i += 8) {
                List<DeviceId> batch = missing.subList(i, Math.min(missing.size(), i + 8));
                List<CompletableFuture<Optional<String>>> calls = batch.stream().map(id -> api.register(id.value())).toList();
                for (int j = 0; j < batch.size(); j++) {
                    String id = batch.get(j).value();
                    known.put(id, calls.get(j).join().orElseGet(() -> api.rotate(id)));
                }
            }
            if (!missing.isEmpty()) {
                LOG.info("registered {} boxes in {} s", missing.size(), (System.nanoTime() - start) / 1_000_000_000);
                List<String> lines = new ArrayList<>();
                known.forEach((id, pw) -> lines.add(id + "," + pw));
                Files.write(file, lines);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep hub credentials in " + file, e);
        }
        return ids.stream().map(id -> new BoxIdentity(id, Optional.of(known.get(id.value())))).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
