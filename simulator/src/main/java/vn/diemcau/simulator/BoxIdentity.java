package vn.diemcau.simulator;

import java.util.Objects;
import java.util.Optional;
import vn.diemcau.protocol.DeviceId;

/**
 * One simulated box: its id (also its MQTT client id and user name) and its password, if the
 * broker wants one.
 */
public record BoxIdentity(DeviceId id, Optional<String> password) {

    public BoxIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
    }

    public static BoxIdentity of(String id, String password) {
        return new BoxIdentity(DeviceId.of(id), Optional.of(password));
    }

    public static BoxIdentity anonymous(String id) {
        return new BoxIdentity(DeviceId.of(id), Optional.empty());
    }

    @Override
    public String toString() {
        return id.value() + (password.isPresent() ? " (password set)" : "");
    }
}
