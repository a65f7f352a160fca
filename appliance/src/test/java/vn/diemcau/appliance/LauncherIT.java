package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher ({@code src/main/dist/diemcau-appliance}) run on the packaged jars, as on
 * a box: it starts the appliance, and on JDK 25 or later records an AOT cache on the first run,
 * uses it on the next, and starts a new one when the jars change.
 */
@Timeout(180)
class LauncherIT {
    private static final Path LAUNCHER = Path.of("src/main/dist/diemcau-appliance").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void startsTheApplianceAndKeepsAnAotCacheOnJdk25() throws Exception {
        Path lib = installJars();
        Path aot = Files.createDirectories(dir.resolve("aot"));

        Run first = run(lib, aot, "");
        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).contains("diemcau appliance");
        if (Runtime.version().feature() < 25) {
            assertThat(caches(aot)).as("no AOT cache before JDK 25").isEmpty();
            return;
        }
        assertThat(first.output).doesNotContain("[warning][aot]");
        List<Path> recorded = caches(aot);
        assertThat(recorded).hasSize(1);
        assertThat(Files.size(recorded.getFirst())).isGreaterThan(1_000_000);

        Run second = run(lib, aot, "-Xlog:aot=info");
        assertThat(second.exit).as(second.output).isZero();
        assertThat(second.output).contains("Opened AOT cache " + recorded.getFirst());

        Path jar = lib.resolve("diemcau-appliance.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Run upgraded = run(lib, aot, "");
        assertThat(upgraded.exit).as(upgraded.output).isZero();
        assertThat(caches(aot)).as("an upgrade replaces the old cache").hasSize(1).doesNotContain(recorded.getFirst());
    }

    @Test
    void aotCanBeTurnedOff() throws Exception {
        Path lib = installJars();
        Path aot = Files.createDirectories(dir.resolve("aot-off"));
        Run run = new Run(lib, aot, Map.of("DIEMCAU_AOT", "off"), "");
        assertThat(run.exit).as(run.output).isZero();
        assertThat(caches(aot)).isEmpty();
    }

    /** The layout of /usr/lib/diemcau/appliance/lib: the appliance jar and its runtime dependencies. */
    private Path installJars() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        try (Stream<Path> deps = Files.list(Path.of("target/lib"));
             Stream<Path> own = Files.list(Path.of("target"))) {
            for (Path p : deps.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(p, lib.resolve(p.getFileName()));
            }
            Path jar = own.filter(p -> p.getFileName().toString().matches("diemcau-appliance-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("target/diemcau-appliance-*.jar missing: run mvn package"));
            Files.copy(jar, lib.resolve("diemcau-appliance.jar"));
        }
        return lib;
    }

    private static List<Path> caches(Path aot) throws IOException {
        try (Stream<Path> s = Files.list(aot)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".aot")).toList();
        }
    }

    private Run run(Path lib, Path aot, String javaOpts) throws Exception {
        return new Run(lib, aot, Map.of(), javaOpts);
    }

    private static final class Run {
        final int exit;
        final String output;

        Run(Path lib, Path aot, Map<String, String> env, String javaOpts) throws Exception {
            ProcessBuilder pb = new ProcessBuilder("sh", LAUNCHER.toString(), "--version").redirectErrorStream(true);
            pb.environment().putAll(Map.of("DIEMCAU_LIB", lib.toString(), "DIEMCAU_AOT_DIR", aot.toString(),
                    "DIEMCAU_JAVA", JAVA, "DIEMCAU_JAVA_OPTS", javaOpts));
            pb.environment().putAll(env);
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("launcher did not exit");
            }
            exit = p.exitValue();
            output = new String(out, StandardCharsets.UTF_8);
        }
    }
}
