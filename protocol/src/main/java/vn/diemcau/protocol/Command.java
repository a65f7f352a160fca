package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;
import java.util.Optional;

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
        @JsonSubTypes.Type(value = Command.Identify.class, name = "identify"),
        @JsonSubTypes.Type(value = Command.CollectLogs.class, name = "collect_logs")})
public sealed interface Command {

    /**
     * Join a conference room. {@code pin} is empty for a room without PIN. {@code view} designates
     * which feeds the box plays and {@code centre} the display-name prefix of the centre's feed;
     * both were added after the first release and are optional: absent, the box's own config
     * decides (an older box ignores them).
     */
    record Join(@JsonProperty(required = true) URI conferenceUrl,
                @JsonProperty(required = true) String room,
                @JsonProperty(required = true) String pin,
                @JsonProperty(required = true) String displayName,
                Optional<ConferenceView> view,
                Optional<String> centre) implements Command {
        public Join {
            Check.conferenceUrl(conferenceUrl, "conferenceUrl");
            Check.text(room, "room", 128);
            Check.textOrEmpty(pin, "pin", 128);
            Check.text(displayName, "displayName", 100);
            view = Check.optional(view);
            centre = Check.optional(centre);
            centre.ifPresent(c -> Check.text(c, "centre", 100));
        }

        /** A join that leaves the view to the box's config. */
        public Join(URI conferenceUrl, String room, String pin, String displayName) {
            this(conferenceUrl, room, pin, displayName, Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "Join[conferenceUrl=" + conferenceUrl + ", room=" + room + ", pin=" + (pin.isEmpty() ? "" : "***")
                    + ", displayName=" + displayName + view.map(v -> ", view=" + v).orElse("")
                    + centre.map(c -> ", centre=" + c).orElse("") + "]";
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

    /**
     * Publish the box's most recent {@code lines} log lines (oldest first) as UTF-8 text on
     * {@link Channel#LOGS}, then reply SUCCEEDED: remote support without a trip to the commune.
     */
    record CollectLogs(@JsonProperty(required = true) int lines) implements Command {
        /** The most lines a box keeps and sends. */
        public static final int MAX_LINES = 1000;

        public CollectLogs {
            Check.between(lines, 1, MAX_LINES, "lines");
        }
    }

    /** Blink the LEDs (and show the box on its TV) for {@code seconds} so a technician finds it. */
    record Identify(@JsonProperty(required = true) int seconds) implements Command {
        public Identify {
            Check.between(seconds, 1, 3600, "seconds");
        }
    }
}
