package vn.diemcau.protocol;

/**
 * The per-box MQTT channels of protocol v1. A box publishes on the {@link #fromBox()} channels
 * of its own subtree and subscribes only to its own {@link #COMMAND} and {@link #DESIRED}.
 */
public enum Channel {
    /** Retained birth / online / offline (the Last Will). JSON {@link Status}. */
    STATUS("status", true, 1, true),
    /** Periodic health, QoS 0. JSON {@link Telemetry}. */
    TELEMETRY("telemetry", true, 0, false),
    /** Sequenced events, at-least-once. JSON {@link Event}. */
    EVENT("event", true, 1, false),
    /** Command replies (the response topic). JSON {@link CommandReply}. */
    REPLY("reply", true, 1, false),
    /** Retained state the box applied. JSON {@link ReportedState}. */
    REPORTED("reported", true, 1, true),
    /** A camera snapshot, raw JPEG bytes; correlation data = the command id. */
    SNAPSHOT("snapshot", true, 1, false),
    /** The box's recent log lines, UTF-8 text, oldest first; correlation data = the command id. */
    LOGS("logs", true, 1, false),
    /** Hub → box commands (MQTT 5 request/response). JSON {@link CommandRequest}. */
    COMMAND("cmd", false, 1, false),
    /** Hub → box retained desired state. JSON {@link DesiredState}. */
    DESIRED("desired", false, 1, true);

    private final String segment;
    private final boolean fromBox;
    private final int qos;
    private final boolean retained;

    Channel(String segment, boolean fromBox, int qos, boolean retained) {
        this.segment = segment;
        this.fromBox = fromBox;
        this.qos = qos;
        this.retained = retained;
    }

    /** The last topic level. */
    public String segment() {
        return segment;
    }

    /** True when the box publishes on it; false when the hub does. */
    public boolean fromBox() {
        return fromBox;
    }

    public int qos() {
        return qos;
    }

    public boolean retained() {
        return retained;
    }

    static java.util.Optional<Channel> ofSegment(String segment) {
        for (Channel c : values()) {
            if (c.segment.equals(segment)) return java.util.Optional.of(c);
        }
        return java.util.Optional.empty();
    }
}
