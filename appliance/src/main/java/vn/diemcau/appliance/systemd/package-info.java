/** systemd integration: {@link vn.diemcau.appliance.systemd.SystemdNotifier} (READY, STATUS, WATCHDOG through libsystemd). */
package vn.diemcau.appliance.systemd;
