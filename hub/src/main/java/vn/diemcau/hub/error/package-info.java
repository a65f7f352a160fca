/** The hub's request failure type, {@link vn.diemcau.hub.error.HubException}. */
package vn.diemcau.hub.error;
