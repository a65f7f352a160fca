/**
 * The provincial hub. Entry class {@link vn.diemcau.hub.Main}; the assembled program is
 * {@link vn.diemcau.hub.Hub}. The {@code web} package is reserved for the dashboard pages.
 */
package vn.diemcau.hub;
