package vn.diemcau.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Builds and parses every topic of protocol v1; no topic string exists anywhere else.
 *
 * <pre>
 * diemcau/v1/box/{deviceId}/{status|telemetry|event|reply|reported|snapshot}   box → hub
 * diemcau/v1/box/{deviceId}/{cmd|desired}                                       hub → box
 * </pre>
 */
public final class Topics {
    /** The versioned root. */
    public static final String ROOT = "diemcau/v1";
    /** The hub's MQTT username and client-id prefix; never a valid {@link DeviceId}. */
    public static final String HUB_USERNAME = "_hub";
    private static final String BOXES = ROOT + "/box/";

    private Topics() {
    }

    public static String of(DeviceId device, Channel channel) {
        return BOXES + device.value() + "/" + channel.segment();
    }

    /** The hub's subscription filter for one channel of every box: {@code diemcau/v1/box/+/<segment>}. */
    public static String allBoxes(Channel channel) {
        return BOXES + "+/" + channel.segment();
    }

    /** The filters the hub subscribes to: every box-to-hub channel. */
    public static List<String> hubSubscriptions() {
        return java.util.Arrays.stream(Channel.values()).filter(Channel::fromBox).map(Topics::allBoxes).toList();
    }

    /** Parses a concrete topic; empty for anything outside protocol v1. */
    public static Optional<BoxTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(BOXES)) return Optional.empty();
        String rest = topic.substring(BOXES.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) return Optional.empty();
        String id = rest.substring(0, slash);
        if (!DeviceId.isValid(id)) return Optional.empty();
        return Channel.ofSegment(rest.substring(slash + 1)).map(c -> new BoxTopic(DeviceId.of(id), c));
    }
}
