package vn.diemcau.hub.mqtt;

/** A topic filter the hub subscribes to, with its QoS. */
public record Subscription(String filter, int qos) {
  public Subscription {
    if (filter == null || filter.isBlank()) {
      throw new IllegalArgumentException("subscription filter must not be blank");
    }
  }
}
