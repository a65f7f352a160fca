/**
 * Health: telemetry history ({@link vn.diemcau.hub.health.TelemetryStore}), alerts
 * ({@link vn.diemcau.hub.health.AlertBook}) and the rules that open them
 * ({@link vn.diemcau.hub.health.HealthMonitor}).
 */
package vn.diemcau.hub.health;
