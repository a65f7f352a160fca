/** Password hashing ({@link vn.diemcau.hub.security.PasswordHash}, Mosquitto's {@code $7$} format) and random secrets. */
package vn.diemcau.hub.security;
