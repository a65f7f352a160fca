package vn.diemcau.appliance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The appliance as a child JVM ({@code vn.diemcau.appliance.Main} on this JVM's class path) with
 * {@code --dev-console} (unless other arguments are given), so stdin lines act as button presses;
 * its output goes to a file.
 */
public final class ApplianceProcess implements AutoCloseable {

    /**
     * The same JVM flags as the launcher {@code appliance/src/main/dist/diemcau-appliance} gives a
     * JDK >= 22 (tests run on 25; the launcher adds {@code TrimNativeHeapInterval} only from 22).
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmn4m", "-Xmx128m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps", "-XX:MaxMetaspaceSize=96m", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");

    private final Process process;
    private final Path log;
    private final long startedNanos;

    public ApplianceProcess(Path config, Path stateDir) throws IOException {
        this(config, stateDir, List.of("--dev-console"));
    }

    /** With {@code args} after {@code --config} and {@code --state-dir} (e.g. {@code --factory-config f}, {@code --dev-console}). */
    public ApplianceProcess(Path config, Path stateDir, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path logback = Path.of("target", "classes", "logback.xml").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(extraFlags());
        cmd.addAll(List.of(
                "-Dlogback.configurationFile=" + logback,
                "-cp", System.getenv().getOrDefault("DIEMCAU_BENCH_APP_CLASSPATH", System.getProperty("java.class.path")),
                "vn.diemcau.appliance.Main", "--config", config.toString(), "--state-dir", stateDir.toString()));
        cmd.addAll(args);
        startedNanos = System.nanoTime();
        log = Files.createTempFile(stateDir.toAbsolutePath().getParent(), "appliance-", ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Extra JVM flags for benchmarks, from {@code DIEMCAU_BENCH_JVM_OPTS} (e.g. an AOT cache, which
     * needs the jars of {@code DIEMCAU_BENCH_APP_CLASSPATH} rather than class directories).
     */
    static List<String> extraFlags() {
        String opts = System.getenv().getOrDefault("DIEMCAU_BENCH_JVM_OPTS", "").strip();
        return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    public long pid() {
        return process.pid();
    }

    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once any output line contains {@code text}. */
    public boolean printed(String text) {
        return output().contains(text);
    }

    /** Everything the process printed so far (stdout and stderr go to a file next to the state directory). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends one console line ({@code short}, {@code long}, {@code identify}). */
    public void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGKILL: no shutdown hook, no clean disconnect. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the shutdown hook; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill9();
    }
}
