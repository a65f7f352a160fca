package vn.diemcau.hub.mqtt;

import java.util.Objects;
import java.util.Optional;

/** A message the hub publishes, with the MQTT 5 request/response properties it may carry. */
public record OutboundMessage(String topic, byte[] payload, int qos, boolean retained, Optional<String> responseTopic,
    Optional<byte[]> correlationData, Optional<Long> messageExpirySeconds) {
  public OutboundMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2 but was " + qos);
    }
    messageExpirySeconds.ifPresent(s -> {
      if (s < 1) {
        throw new IllegalArgumentException("message expiry must be at least 1 s but was " + s);
      }
    });
  }

  public static OutboundMessage of(String topic, byte[] payload, int qos, boolean retained) {
    return new OutboundMessage(topic, payload, qos, retained, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
