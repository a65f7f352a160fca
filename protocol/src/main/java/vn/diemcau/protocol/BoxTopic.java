package vn.diemcau.protocol;

import java.util.Objects;

/** A parsed per-box topic. */
public record BoxTopic(DeviceId device, Channel channel) {
    public BoxTopic {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(channel, "channel");
    }

    /** The topic string. */
    public String topic() {
        return Topics.of(device, channel);
    }
}
