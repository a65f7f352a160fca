/** Inbound MQTT messages: decoding and routing off Paho's threads; entry class {@link vn.diemcau.hub.ingest.Dispatcher}. */
package vn.diemcau.hub.ingest;
