/**
 * Reception sessions: {@link vn.diemcau.hub.session.SessionSchedule} keeps the schedule (start,
 * end, cancel, a ticker that starts and ends sessions on time, each room's upcoming session), and
 * {@link vn.diemcau.hub.session.SessionPage} serves the centre's view {@code /session} (resources
 * under {@code /session/}) and forwards the page's Janus requests.
 */
package vn.diemcau.hub.session;
