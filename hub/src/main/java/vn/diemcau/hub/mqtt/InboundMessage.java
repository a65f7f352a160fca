package vn.diemcau.hub.mqtt;

import java.util.Objects;
import java.util.Optional;

/** A message the hub received, detached from the MQTT library. */
public record InboundMessage(String topic, byte[] payload, boolean retained, Optional<byte[]> correlationData) {
  public InboundMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(correlationData, "correlationData");
  }
}
