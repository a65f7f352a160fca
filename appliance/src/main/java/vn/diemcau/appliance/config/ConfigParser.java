package vn.diemcau.appliance.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.appliance.call.JoinRequest;

/**
 * Turns the JSON config tree (plus environment overrides) into an {@link ApplianceConfig}, failing
 * with a {@link ConfigException} that names the bad key.
 *
 * <p>Environment overrides (applied over the file, never written back):
 * <table>
 *   <caption>overrides</caption>
 *   <tr><td>{@code DIEMCAU_BOX_ID}</td><td>{@code boxId}</td></tr>
 *   <tr><td>{@code DIEMCAU_HUB_URL}</td><td>{@code hub.brokerUrl}</td></tr>
 *   <tr><td>{@code DIEMCAU_HUB_USERNAME}</td><td>{@code hub.username}</td></tr>
 *   <tr><td>{@code DIEMCAU_HUB_PASSWORD}</td><td>{@code hub.password}</td></tr>
 *   <tr><td>{@code DIEMCAU_HUB_CA_FILE}</td><td>{@code hub.caFile}</td></tr>
 *   <tr><td>{@code DIEMCAU_TELEMETRY_INTERVAL_SECONDS}</td><td>{@code telemetryIntervalSeconds}</td></tr>
 *   <tr><td>{@code DIEMCAU_CONFERENCE_KIND}</td><td>{@code conference.kind}</td></tr>
 *   <tr><td>{@code DIEMCAU_DEV_MODE}</td><td>{@code devMode}</td></tr>
 * </table>
 */
public final class ConfigParser {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Environment variable → dotted config key. */
    static final Map<String, String> ENV_KEYS = Map.of(
            "DIEMCAU_BOX_ID", "boxId",
            "DIEMCAU_HUB_URL", "hub.brokerUrl",
            "DIEMCAU_HUB_USERNAME", "hub.username",
            "DIEMCAU_HUB_PASSWORD", "hub.password",
            "DIEMCAU_HUB_CA_FILE", "hub.caFile",
            "DIEMCAU_TELEMETRY_INTERVAL_SECONDS", "telemetryIntervalSeconds",
            "DIEMCAU_CONFERENCE_KIND", "conference.kind",
            "DIEMCAU_DEV_MODE", "devMode");

    private ConfigParser() {
    }

    /** Parses file bytes into a JSON object tree; a syntax error names the line and column. */
    public static ObjectNode tree(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new ConfigException("$", "the config file must hold a JSON object");
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("$", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
        } catch (java.io.IOException e) {
            throw new ConfigException("$", "unreadable: " + e.getMessage(), e);
        }
    }

    /** Applies {@link #ENV_KEYS} overrides to a copy of {@code file}. */
    public static ObjectNode withEnvironment(ObjectNode file, Map<String, String> env) {
        ObjectNode copy = file.deepCopy();
        ENV_KEYS.forEach((var, key) -> {
            String value = env.get(var);
            if (value == null) return;
            String[] parts = key.split("\\.");
            ObjectNode parent = copy;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.get(parts[i]);
                parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
            }
            parent.put(parts[parts.length - 1], value);
        });
        return copy;
    }

    /** Validates and types the tree. */
    public static ApplianceConfig parse(ObjectNode root) {
        Fields f = new Fields(root, "");
        String boxId = f.text("boxId").orElseThrow(() -> missing("boxId"));
        String displayName = f.text("displayName").orElse(boxId);
        Fields hub = f.object("hub");
        Fields conf = f.object("conference");
        Fields events = f.object("events");
        boolean devMode = f.bool("devMode").orElse(false);

        HubSettings hubSettings = new HubSettings(
                hub.uri("brokerUrl").orElseThrow(() -> missing("hub.brokerUrl")),
                hub.text("username").orElse(boxId),
                new Secret(hub.text("password").orElse("")),
                hub.text("caFile").map(Path::of),
                Duration.ofSeconds(hub.integer("keepAliveSeconds").orElse(30L)),
                Duration.ofMillis(hub.integer("reconnectMinMillis").orElse(1_000L)),
                Duration.ofMillis(hub.integer("reconnectMaxMillis").orElse(60_000L)));

        ConferenceSettings.Kind kind = conf.text("kind").map(k -> kind(k)).orElse(ConferenceSettings.Kind.JANUS);
        Optional<JoinRequest> session = Optional.empty();
        if (conf.has("defaultSession")) {
            Fields s = conf.object("defaultSession");
            session = Optional.of(s.build("", () -> new JoinRequest(
                    s.uri("server").orElseThrow(() -> missing("conference.defaultSession.server")),
                    s.text("room").orElseThrow(() -> missing("conference.defaultSession.room")),
                    s.text("pin").orElse(""),
                    displayName)));
        }
        ConferenceSettings conference = new ConferenceSettings(kind, session,
                Duration.ofMillis(conf.integer("retryInitialMillis").orElse(2_000L)),
                Duration.ofMillis(conf.integer("retryMaxMillis").orElse(60_000L)),
                Math.toIntExact(conf.integer("maxAttempts").orElse(10L)),
                Duration.ofSeconds(conf.integer("joinTimeoutSeconds").orElse(30L)));

        return new ApplianceConfig(boxId,
                f.integer("configVersion").orElse(0L),
                displayName,
                f.text("commune").orElse(""),
                hubSettings,
                Duration.ofSeconds(f.integer("telemetryIntervalSeconds").orElse(10L)),
                conference,
                new EventSettings(Math.toIntExact(events.integer("journalMaxEvents").orElse(10_000L))),
                HardwareConfig.parse(f.objectNode("hardware")),
                root.has("media") ? f.objectNode("media") : JsonNodeFactory.instance.objectNode(),
                devMode,
                AdminConfig.parse(root.get("admin")));
    }

    private static ConferenceSettings.Kind kind(String k) {
        try {
            return ConferenceSettings.Kind.valueOf(k.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("conference.kind", "must be 'janus' or 'none', was '" + k + "'");
        }
    }

    private static ConfigException missing(String key) {
        return new ConfigException(key, "is required");
    }

    /** Typed access to one JSON object, naming keys by their dotted path. */
    private record Fields(JsonNode node, String prefix) {

        String key(String name) {
            return prefix + name;
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        Optional<String> text(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return Optional.empty();
            if (!v.isTextual()) throw new ConfigException(key(name), "must be a string");
            return Optional.of(v.asText());
        }

        Optional<Long> integer(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return Optional.empty();
            if (v.isIntegralNumber()) return Optional.of(v.asLong());
            if (v.isTextual()) {
                try {
                    return Optional.of(Long.parseLong(v.asText().trim()));
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw new ConfigException(key(name), "must be an integer, was " + v);
        }

        Optional<Boolean> bool(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return Optional.empty();
            if (v.isBoolean()) return Optional.of(v.asBoolean());
            if (v.isTextual() && ("true".equalsIgnoreCase(v.asText()) || "false".equalsIgnoreCase(v.asText()))) {
                return Optional.of(Boolean.parseBoolean(v.asText()));
            }
            throw new ConfigException(key(name), "must be true or false, was " + v);
        }

        Optional<URI> uri(String name) {
            return text(name).map(s -> {
                try {
                    return new URI(s);
                } catch (URISyntaxException e) {
                    throw new ConfigException(key(name), "not a valid URL: " + s);
                }
            });
        }

        Fields object(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return new Fields(JsonNodeFactory.instance.objectNode(), key(name) + ".");
            if (!v.isObject()) throw new ConfigException(key(name), "must be an object");
            return new Fields(v, key(name) + ".");
        }

        JsonNode objectNode(String name) {
            return object(name).node().deepCopy();
        }

        /** Runs a record constructor, turning its validation failure into a key-naming error. */
        <T> T build(String name, java.util.function.Supplier<T> ctor) {
            try {
                return ctor.get();
            } catch (ConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                String k = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
                throw new ConfigException(k + name, e.getMessage(), e);
            }
        }
    }
}
