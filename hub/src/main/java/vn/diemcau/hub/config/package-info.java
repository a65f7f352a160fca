/** The hub's typed configuration; entry class {@link vn.diemcau.hub.config.ConfigLoader}. */
package vn.diemcau.hub.config;
