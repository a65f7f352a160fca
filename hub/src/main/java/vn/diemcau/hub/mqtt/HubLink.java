package vn.diemcau.hub.mqtt;

/**
 * The hub's single MQTT client connection (to the embedded or an external broker). Inbound
 * messages go to the sink given at construction, already off the library's threads.
 */
public interface HubLink extends AutoCloseable {
  /** Connects and subscribes; returns once connected (idempotent). */
  void start();

  /** Publishes, retrying while the client's in-flight window is full; never drops. */
  void publish(OutboundMessage message);

  boolean connected();

  @Override
  void close();
}
