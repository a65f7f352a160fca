/**
 * The box's MQTT 5 link to the hub (the only package importing Paho):
 * {@link vn.diemcau.appliance.fleet.FleetAgent}, with the on-disk event journal, the command
 * log for deduplication, and the {@link vn.diemcau.appliance.fleet.CommandHandler} seam.
 */
package vn.diemcau.appliance.fleet;
