/**
 * Reserved for the dashboard and the centre's session view (server-rendered pages, static
 * resources under {@code /web/}); plugged into {@link vn.diemcau.hub.Hub#start} as a
 * {@link vn.diemcau.hub.Hub.WebModule} whose Jetty handlers run after the REST API. Pages share
 * the API's sessions: {@link vn.diemcau.hub.api.RequestAuth}.
 */
package vn.diemcau.hub.web;
