/** The REST API (Jetty 12 core handlers), SSE and metrics endpoints; entry classes {@link vn.diemcau.hub.api.ApiServer} and {@link vn.diemcau.hub.api.ApiRoutes}. */
package vn.diemcau.hub.api;
