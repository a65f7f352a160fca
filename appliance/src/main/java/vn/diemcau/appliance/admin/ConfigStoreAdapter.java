package vn.diemcau.appliance.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.config.ConfigParser;
import vn.diemcau.appliance.config.ConfigStore;

/**
 * {@link ConfigPort} over the appliance's {@link ConfigStore} ({@code appliance.json}, written
 * atomically with {@code appliance.json.prev} kept). Provisioning maps to {@code boxId},
 * {@code displayName}, {@code commune}, {@code room}, {@code hub.brokerUrl|username|password} and
 * {@code conference.defaultSession.server|room|pin}; the device choice to
 * {@code media.videoSource|audioSource|audioSink}. Other keys are left as they are. Provisioning
 * applies at once through the store's listeners (a new box id or hub makes the appliance reconnect;
 * the first valid provisioning of an unprovisioned box brings the appliance up); a change of the
 * media devices needs a restart (the media engine is built at start).
 */
public final class ConfigStoreAdapter implements ConfigPort {

    private static final Map<String, String> KEY_TO_FIELD = Map.of(
            "boxId", "boxId", "displayName", "displayName", "commune", "commune", "room", "room",
            "hub.brokerUrl", "hubUrl", "hub.username", "hubUsername", "hub.password", "hubPassword",
            "conference.defaultSession.server", "conferenceServer", "conference.defaultSession.room", "conferenceRoom",
            "conference.defaultSession.pin", "conferencePin");

    private final ConfigStore store;

    public ConfigStoreAdapter(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Provisioning current() {
        return read(store.fileTree());
    }

    static Provisioning read(ObjectNode t) {
        JsonNode hub = t.path("hub");
        JsonNode s = t.path("conference").path("defaultSession");
        return new Provisioning(text(t, "boxId"), text(t, "displayName"), text(t, "commune"), text(t, "room"),
                text(hub, "brokerUrl"), text(hub, "username"), text(hub, "password"), text(s, "server"), text(s, "room"), text(s, "pin"));
    }

    @Override
    public synchronized Applied save(Provisioning v) {
        try {
            store.update(tree -> {
                tree.put("boxId", v.boxId());
                tree.put("displayName", v.displayName());
                tree.put("commune", v.commune());
                tree.put("room", v.room());
                ObjectNode hub = object(tree, "hub");
                hub.put("brokerUrl", v.hubUrl());
                hub.put("username", v.hubUsername());
                hub.put("password", v.hubPassword());
                ObjectNode session = object(object(tree, "conference"), "defaultSession");
                session.put("server", v.conferenceServer());
                session.put("room", v.conferenceRoom());
                session.put("pin", v.conferencePin());
                return tree;
            });
        } catch (ConfigException e) {
            throw new InvalidField(KEY_TO_FIELD.getOrDefault(e.key(), e.key()), e.getMessage());
        }
        return Applied.LIVE;
    }

    @Override
    public Optional<Instant> previousSavedAt() {
        Path prev = ConfigStore.previousFile(store.file());
        try {
            return Files.exists(prev) ? Optional.of(Files.getLastModifiedTime(prev).toInstant()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized Applied rollback() {
        Path prev = ConfigStore.previousFile(store.file());
        ObjectNode previous;
        try {
            if (!Files.exists(prev)) throw new BoxConsole.NotAvailable("no previous config at " + prev);
            previous = ConfigParser.tree(Files.readAllBytes(prev));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + prev, e);
        } catch (ConfigException e) {
            throw new BoxConsole.NotAvailable("the previous config is unreadable: " + e.getMessage());
        }
        try {
            store.update(tree -> previous);
        } catch (ConfigException e) {
            throw new BoxConsole.NotAvailable("the previous config is invalid: " + e.getMessage());
        }
        return Applied.LIVE;
    }

    @Override
    public MediaChoice mediaChoice() {
        JsonNode m = store.fileTree().path("media");
        return new MediaChoice(m.path("videoSource").asText("auto"), m.path("audioSource").asText("auto"),
                m.path("audioSink").asText("auto"));
    }

    @Override
    public synchronized Applied saveMediaChoice(MediaChoice c) {
        try {
            store.update(tree -> {
                ObjectNode media = object(tree, "media");
                media.put("videoSource", c.camera());
                media.put("audioSource", c.microphone());
                media.put("audioSink", c.speaker());
                return tree;
            });
        } catch (ConfigException e) {
            throw new InvalidField("media", e.getMessage());
        }
        return Applied.RESTART_NEEDED;
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }
}
