package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;

/** What the hub asks a box to do; carried in a {@link CommandRequest}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.Join.class, name = "join"),
        @JsonSubTypes.Type(value = Command.Leave.class, name = "leave"),
        @JsonSubTypes.Type(value = Command.RestartMedia.class, name = "restart_media"),
        @JsonSubTypes.Type(value = Command.Reboot.class, name = "reboot"),
        @JsonSubTypes.Type(value = Command.ApplyConfig.class, name = "apply_config"),
        @JsonSubTypes.Type(value = Command.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = Command.SelfTest.class, name = "self_test"),
        @JsonSubTypes.Type(value = Command.Identify.class, name = "identify")})
public sealed interface Command {

    /** Join a conference room. {@code pin} is empty for a room without PIN. */
    record Join(@JsonProperty(required = true) URI conferenceUrl,
                @JsonProperty(required = true) String room,
                @JsonProperty(required = true) String pin,
                @JsonProperty(required = true) String displayName) implements Command {
        public Join {
            Check.conferenceUrl(conferenceUrl, "conferenceUrl");
            Check.text(room, "room", 128);
            Check.textOrEmpty(pin, "pin", 128);
            Check.text(displayName, "displayName", 100);
        }

        @Override
        public String toString() {
            return "Join[conferenceUrl=" + conferenceUrl + ", room=" + room + ", pin=" + (pin.isEmpty() ? "" : "***")
                    + ", displayName=" + displayName + "]";
        }
    }

    record Leave() implements Command {
    }

    record RestartMedia() implements Command {
    }

    record Reboot() implements Command {
    }

    record ApplyConfig(@JsonProperty(required = true) long version,
                       @JsonProperty(required = true) BoxConfig config) implements Command {
        public ApplyConfig {
            Check.atLeast(version, 1, "version");
            Check.required(config, "config");
        }
    }

    /** Publish a JPEG of the camera on {@link Channel#SNAPSHOT}. */
    record Snapshot() implements Command {
    }

    record SelfTest() implements Command {
    }

    /** Blink the LEDs (and show the box on its TV) for {@code seconds} so a technician finds it. */
    record Identify(@JsonProperty(required = true) int seconds) implements Command {
        public Identify {
            Check.between(seconds, 1, 3600, "seconds");
        }
    }
}
