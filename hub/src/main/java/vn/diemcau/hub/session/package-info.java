/**
 * The centre's view of a reception session: {@link vn.diemcau.hub.session.SessionPage} serves
 * {@code /session} (resources under {@code /session/}) and forwards the page's Janus requests.
 */
package vn.diemcau.hub.session;
