/**
 * The diemcau room appliance. Entry point {@link vn.diemcau.appliance.Main}; the wired program is
 * {@link vn.diemcau.appliance.Appliance} (also the local admin page's API).
 */
package vn.diemcau.appliance;
