/** Live fleet changes for dashboards; entry class {@link vn.diemcau.hub.events.FleetEvents}. */
package vn.diemcau.hub.events;
