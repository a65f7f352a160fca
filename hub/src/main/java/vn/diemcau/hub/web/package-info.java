/**
 * Reserved for the dashboard and the centre's session view (server-rendered pages, static
 * resources under {@code /web/}); plugged into {@link vn.diemcau.hub.Hub#start} as extra Jetty
 * handlers after the REST API.
 */
package vn.diemcau.hub.web;
