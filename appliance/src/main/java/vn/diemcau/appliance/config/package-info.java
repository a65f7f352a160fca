/**
 * The appliance's configuration: {@link vn.diemcau.appliance.config.ApplianceConfig} (typed, validated),
 * {@link vn.diemcau.appliance.config.ConfigStore} (load once, atomic writes with {@code .prev}, listeners)
 * and {@link vn.diemcau.appliance.config.AtomicFiles} (crash-safe file replacement used by every store).
 */
package vn.diemcau.appliance.config;
