/** Prometheus metrics; entry class {@link vn.diemcau.hub.metrics.HubMetrics}. */
package vn.diemcau.hub.metrics;
