/** The hub's MQTT client (the only Paho user); entry class {@link vn.diemcau.hub.mqtt.PahoHubLink}. */
package vn.diemcau.hub.mqtt;
