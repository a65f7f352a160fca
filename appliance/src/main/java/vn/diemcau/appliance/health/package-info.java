/** The box's health readings from /proc and /sys: {@link vn.diemcau.appliance.health.HealthSampler}. */
package vn.diemcau.appliance.health;
