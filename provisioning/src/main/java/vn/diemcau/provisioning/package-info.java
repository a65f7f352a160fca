/**
 * Technicians' provisioning tool: {@link vn.diemcau.provisioning.Main} registers a box at the hub's
 * REST API and writes its ready {@code appliance.json} (the box's factory config plus identity,
 * broker and credentials) for the SD card.
 */
package vn.diemcau.provisioning;
