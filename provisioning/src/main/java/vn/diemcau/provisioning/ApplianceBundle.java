package vn.diemcau.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * A ready {@code appliance.json} for one box: the factory config the box ships
 * ({@code systemd/appliance.factory.json}, bundled in this jar) plus the box's identity, the hub's
 * broker address, the credentials the hub issued and, if given, the default conference session.
 * Written with mode 0600 (it holds the box's password) through a temporary file and a rename.
 *
 * @param boxId       as registered at the hub
 * @param displayName the room's name
 * @param commune     commune / district
 * @param room        the room, may be empty
 * @param brokerUrl   the broker as the box reaches it, {@code ssl://hub.example:8883}
 * @param username    MQTT user name (from the hub)
 * @param password    MQTT password (from the hub)
 * @param caFile      where the box finds the hub's CA certificate, e.g. {@code /etc/diemcau/hub-ca.pem}
 * @param session     the default conference session, if any
 */
record ApplianceBundle(String boxId, String displayName, String commune, String room, String brokerUrl, String username,
                       String password, Optional<String> caFile, Optional<Session> session) {

    /** A conference the box joins on a button press when the hub has designated none. */
    record Session(String server, String room, String pin) {
        Session {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(pin, "pin");
        }
    }

    ApplianceBundle {
        Objects.requireNonNull(boxId, "boxId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(session, "session");
    }

    /** The config as a JSON tree (the factory defaults with this box's keys set). */
    ObjectNode tree() {
        ObjectNode t = factory();
        t.remove("_comment");
        t.put("boxId", boxId);
        t.put("displayName", displayName);
        t.put("commune", commune);
        if (!room.isEmpty()) t.put("room", room);
        ObjectNode hub = t.withObject("hub");
        hub.put("brokerUrl", brokerUrl);
        hub.put("username", username);
        hub.put("password", password);
        caFile.ifPresent(f -> hub.put("caFile", f));
        session.ifPresent(s -> {
            ObjectNode d = t.withObject("conference").putObject("defaultSession");
            d.put("server", s.server());
            d.put("room", s.room());
            d.put("pin", s.pin());
        });
        return t;
    }

    /** Writes {@link #tree()} to {@code target} with mode 0600; an existing file is replaced only when {@code replace}. */
    void write(Path target, boolean replace) throws IOException {
        if (!replace && Files.exists(target)) throw new FileAlreadyExistsException(target + " (use --force to replace it)");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".appliance-", ".json.tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // a FAT-formatted SD card has no modes; the box's own tmpfiles rule guards /etc/diemcau
            }
            Files.write(tmp, HubApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree()));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static ObjectNode factory() {
        try (InputStream in = ApplianceBundle.class.getResourceAsStream("appliance.factory.json")) {
            if (in == null) throw new IllegalStateException("appliance.factory.json missing from the jar");
            return (ObjectNode) HubApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ApplianceBundle[boxId=" + boxId + ", brokerUrl=" + brokerUrl + ", username=" + username + ", password=***]";
    }
}
