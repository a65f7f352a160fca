package vn.diemcau.appliance.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>If the file is corrupt at start, the store falls back to {@code .prev} when that is valid and
 * reports the problem ({@link #problem()}); with neither valid, {@link #open} fails naming the key.
 * A corrupt file found by {@link #reload()} leaves the running config in place. Thread-safe.
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

    public static Path previousFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".prev");
    }

    public Path file() {
        return file;
    }

    /** The running config (file + environment overrides). */
    public synchronized ApplianceConfig current() {
        return current;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException("$", "config file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("$", "cannot read " + path + ": " + e.getMessage(), e);
        }
        return ConfigParser.tree(bytes);
    }

    private void install(ObjectNode tree) {
        ApplianceConfig parsed = ConfigParser.parse(ConfigParser.withEnvironment(tree, env));
        fileTree = tree;
        current = parsed;
    }
}
