package vn.diemcau.appliance.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's config file: loaded once, replaced atomically (temp file, fsync, rename) with the
 * previous version kept as {@code appliance.json.prev}. An edit is validated before it is written,
 * so the file never holds a config the box cannot run.
 *
 * <p>{@link #open} (strict) fails naming the key when neither the file nor its {@code .prev} is
 * valid. {@link #load} (what {@code Main} uses) never fails on content: a file that is not a JSON
 * object is moved aside as {@code appliance.json.corrupt-<UTC time>}, then {@code .prev} is used
 * when valid (and restored as the file), else the store is <em>unprovisioned</em>: no
 * {@link #current()} config, {@link #fileTree()} holds what there is (the invalid-but-readable
 * file, else the factory config, else {@code {}}) and the first valid {@link #update} makes it
 * provisioned and tells the listeners. A corrupt file found by {@link #reload()} leaves the
 * running config in place. Thread-safe.
 */
public final class ConfigStore {

    private static final Logger log = LoggerFactory.getLogger(ConfigStore.class);

    private final Path file;
    private final Map<String, String> env;
    private final List<Consumer<ApplianceConfig>> listeners = new CopyOnWriteArrayList<>();
    private ObjectNode fileTree;
    private ApplianceConfig current;
    private Optional<String> problem = Optional.empty();

    private ConfigStore(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /**
     * Loads {@code file} with environment overrides from {@code env}.
     *
     * @throws ConfigException when neither the file nor its {@code .prev} holds a valid config
     */
    public static ConfigStore open(Path file, Map<String, String> env) {
        ConfigStore store = new ConfigStore(file, env);
        try {
            store.install(store.read(file));
        } catch (ConfigException primary) {
            Path prev = previousFile(file);
            if (!Files.exists(prev)) throw primary;
            try {
                store.install(store.read(prev));
            } catch (ConfigException second) {
                primary.addSuppressed(second);
                throw primary;
            }
            store.problem = Optional.of(file + " is invalid (" + primary.getMessage() + "); running on " + prev);
            log.error("Config {} is invalid ({}); running on the previous version {}", file, primary.getMessage(), prev);
        }
        return store;
    }

    /**
     * Loads {@code file} like {@link #open} but never fails because of its content (see the class
     * comment): the result is provisioned, provisioned from {@code .prev}, or unprovisioned over the
     * readable-but-invalid file, the {@code factory} config or an empty object.
     */
    public static ConfigStore load(Path file, Map<String, String> env, Optional<Path> factory, Clock clock) {
        ConfigStore store = new ConfigStore(file, env);
        Optional<ObjectNode> fileTree = Optional.empty();
        String why;
        if (Files.exists(file)) {
            try {
                fileTree = Optional.of(ConfigParser.tree(bytes(file)));
                store.install(fileTree.get());
                return store;
            } catch (ConfigException e) {
                why = file + " is invalid (" + e.getMessage() + ")";
                boolean corrupt = fileTree.isEmpty() && (e.getCause() == null || e.getCause() instanceof JsonProcessingException);
                if (corrupt) {
                    why = file + " is corrupt (" + e.getMessage() + "); " + moveAside(file, clock)
                            .map(aside -> "kept as " + aside.getFileName()).orElse("could not move it aside");
                }
            }
        } else {
            why = file + " does not exist";
        }
        log.error("Config: {}", why);
        Path prev = previousFile(file);
        if (Files.exists(prev)) {
            try {
                byte[] prevBytes = bytes(prev);
                store.install(ConfigParser.tree(prevBytes));
                if (!Files.exists(file)) AtomicFiles.write(file, prevBytes);
                store.problem = Optional.of(why + "; running on the previous version " + prev.getFileName());
                log.error("Config: running on the previous version {}", prev);
                return store;
            } catch (ConfigException e) {
                log.error("Config: the previous version {} is not usable either ({})", prev, e.getMessage());
            }
        }
        ObjectNode base = fileTree.or(() -> factory.flatMap(ConfigStore::factoryTree)).orElseGet(ConfigParser.JSON::createObjectNode);
        try {
            store.install(base);
            return store;
        } catch (ConfigException e) {
            store.fileTree = base;
            store.problem = Optional.of("not provisioned: " + why + "; " + e.getMessage());
            log.error("Config: this box is not provisioned ({}); serving only the local admin page for first run and provisioning",
                    e.getMessage());
            return store;
        }
    }

    private static Optional<ObjectNode> factoryTree(Path factory) {
        try {
            return Files.exists(factory) ? Optional.of(ConfigParser.tree(bytes(factory))) : Optional.empty();
        } catch (ConfigException e) {
            log.error("Factory config {} unusable: {}", factory, e.getMessage());
            return Optional.empty();
        }
    }

    /** Renames a corrupt file to {@code <name>.corrupt-<UTC time>} next to it (never deleted). */
    private static Optional<Path> moveAside(Path file, Clock clock) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + i);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            log.error("Config: could not move the corrupt {} aside: {}", file, e.toString());
            return Optional.empty();
        }
        return Optional.of(aside);
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException("$", "config file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("$", "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static Path previousFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".prev");
    }

    public Path file() {
        return file;
    }

    /**
     * The running config (file + environment overrides).
     *
     * @throws IllegalStateException when the box is not provisioned (see {@link #running()})
     */
    public synchronized ApplianceConfig current() {
        if (current == null) throw new IllegalStateException("not provisioned: " + problem.orElse("no valid config"));
        return current;
    }

    /** The running config, empty while the box is not provisioned. */
    public synchronized Optional<ApplianceConfig> running() {
        return Optional.ofNullable(current);
    }

    public synchronized boolean provisioned() {
        return current != null;
    }

    /** Why the running config is not the file's content, if it is not. */
    public synchronized Optional<String> problem() {
        return problem;
    }

    /** A copy of the file's JSON tree (without environment overrides), for editing. */
    public synchronized ObjectNode fileTree() {
        return fileTree.deepCopy();
    }

    /** The file's JSON with secrets ({@code hub.password}) replaced by {@code "<redacted>"}, for display. */
    public synchronized String redactedJson() {
        ObjectNode copy = fileTree.deepCopy();
        if (copy.get("hub") instanceof ObjectNode hub && hub.has("password")) hub.put("password", "<redacted>");
        try {
            return ConfigParser.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies {@code edit} to a copy of the file's tree, validates the result, writes it atomically
     * (keeping {@code .prev}), makes it current and tells the listeners.
     *
     * @throws ConfigException when the edited config is invalid (nothing is written)
     */
    public ApplianceConfig update(UnaryOperator<ObjectNode> edit) {
        ApplianceConfig updated;
        synchronized (this) {
            ObjectNode tree = edit.apply(fileTree.deepCopy());
            updated = ConfigParser.parse(ConfigParser.withEnvironment(tree, env));
            try {
                AtomicFiles.write(file, ConfigParser.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            fileTree = tree;
            current = updated;
            problem = Optional.empty();
        }
        log.info("Config {} written (config version {})", file, updated.configVersion());
        listeners.forEach(l -> l.accept(updated));
        return updated;
    }

    /**
     * Re-reads the file. A valid file becomes current (listeners are told); an invalid one is
     * reported and the running config stays.
     *
     * @return the problem, if the file was invalid
     */
    public Optional<String> reload() {
        ApplianceConfig updated;
        synchronized (this) {
            try {
                install(read(file));
                problem = Optional.empty();
                updated = current;
            } catch (ConfigException e) {
                problem = Optional.of(file + " is invalid (" + e.getMessage() + "); keeping the running config");
                log.error("Config {} is invalid ({}); keeping the running config", file, e.getMessage());
                return problem;
            }
        }
        listeners.forEach(l -> l.accept(updated));
        return Optional.empty();
    }

    /** Called (on the writer's thread) after every successful update or reload. */
    public void addListener(Consumer<ApplianceConfig> listener) {
        listeners.add(listener);
    }

    private ObjectNode read(Path path) {
        return ConfigParser.tree(bytes(path));
    }

    private void install(ObjectNode tree) {
        ApplianceConfig parsed = ConfigParser.parse(ConfigParser.withEnvironment(tree, env));
        fileTree = tree;
        current = parsed;
    }
}
