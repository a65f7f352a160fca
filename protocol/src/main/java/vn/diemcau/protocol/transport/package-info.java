/**
 * How diemcau's MQTT clients open connections: {@link vn.diemcau.protocol.transport.NoDelaySockets}
 * (TCP_NODELAY on every socket, plain or TLS). Uses only {@code javax.net}.
 */
package vn.diemcau.protocol.transport;
