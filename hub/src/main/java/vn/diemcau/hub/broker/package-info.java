/** The embedded HiveMQ CE broker with the diemcau extension, and the Mosquitto export; entry class {@link vn.diemcau.hub.broker.EmbeddedBroker}. */
package vn.diemcau.hub.broker;
