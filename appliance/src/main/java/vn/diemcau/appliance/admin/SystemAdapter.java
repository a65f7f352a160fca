package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SystemPort} for the real box.
 * <ul>
 *   <li>Logs: the in-memory {@link RecentLog}; the full download is the service's journal
 *       ({@code journalctl -u <unit>}) when running under systemd, else the in-memory lines.</li>
 *   <li>Restart: runs {@code restart} (Main passes {@code () -> System.exit(0)}: the shutdown hook stops
 *       everything cleanly and systemd's {@code Restart=always} starts the program again).</li>
 *   <li>Reboot: runs {@code rebootCommand} (e.g. {@code systemctl reboot}; the service user needs a
 *       polkit rule for it).</li>
 *   <li>Factory reset: copies {@code factoryConfig} over the config file (atomically; without a
 *       factory file the config file is removed), drops the previous version, deletes the state
 *       directory's content except the admin page's own directory (already reset), then restarts:
 *       the program comes back unprovisioned (the factory config has no box id or hub).</li>
 * </ul>
 * Every action runs 500 ms later on its own thread so the page's answer gets out first.
 */
public final class SystemAdapter implements SystemPort {
    private static final Logger log = LoggerFactory.getLogger(SystemAdapter.class);

    private final RecentLog recent;
    private final String unit;
    private final Path configFile;
    private final Optional<Path> factoryConfig;
    private final Path stateDir;
    private final Runnable restart;
    private final List<String> rebootCommand;
    private final Map<String, String> env;

    public SystemAdapter(RecentLog recent, String unit, Path configFile, Optional<Path> factoryConfig, Path stateDir,
                         Runnable restart, List<String> rebootCommand, Map<String, String> env) {
        this.recent = Objects.requireNonNull(recent, "recent");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.factoryConfig = Objects.requireNonNull(factoryConfig, "factoryConfig");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.restart = Objects.requireNonNull(restart, "restart");
        this.rebootCommand = List.copyOf(rebootCommand);
        this.env = Map.copyOf(env);
    }

    @Override
    public List<String> recentLog(int max) {
        return recent.last(max);
    }

    @Override
    public List<String> recentErrors(int max) {
        return recent.lastErrors(max);
    }

    @Override
    public void writeFullLog(OutputStream out) throws IOException {
        if (env.containsKey("INVOCATION_ID") && Files.isExecutable(Path.of("/usr/bin/journalctl"))) {
            Process p = new ProcessBuilder("/usr/bin/journalctl", "-u", unit, "-o", "short-iso", "--no-pager", "-n", "50000")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
                return;
            } finally {
                p.destroy();
            }
        }
        for (String line : recent.last(RecentLog.LINES)) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void restartService() {
        later("restart", restart);
    }

    @Override
    public void reboot() {
        if (rebootCommand.isEmpty()) throw new BoxConsole.NotAvailable("no reboot command configured");
        later("reboot", () -> {
            try {
                Process p = new ProcessBuilder(rebootCommand).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    log.error("Reboot command {} failed: {}", rebootCommand, out);
                }
            } catch (IOException e) {
                log.error("Reboot command {} failed: {}", rebootCommand, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void factoryReset() {
        later("factory reset", () -> {
            try {
                if (factoryConfig.isPresent() && Files.isReadable(factoryConfig.get())) {
                    Path tmp = configFile.resolveSibling(configFile.getFileName() + ".factory.tmp");
                    Files.copy(factoryConfig.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, configFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    log.warn("No factory config {}: removing {} (the box starts unprovisioned)", factoryConfig.map(Path::toString)
                            .orElse("configured"), configFile);
                    Files.deleteIfExists(configFile);
                }
                Files.deleteIfExists(configFile.resolveSibling(configFile.getFileName() + ".prev"));
                try (Stream<Path> top = Files.list(stateDir)) {
                    for (Path p : top.filter(p -> !p.getFileName().toString().equals("admin")).toList()) deleteTree(p);
                }
                log.warn("Factory reset done (config {}, state {}); restarting", configFile, stateDir);
            } catch (IOException e) {
                log.error("Factory reset failed: {}", e.toString());
            }
            restart.run();
        });
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void later(String what, Runnable action) {
        Thread.ofPlatform().name("admin-" + what.replace(' ', '-')).daemon(false).start(() -> {
            try {
                Thread.sleep(500);
                log.warn("Admin page: {} now", what);
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
