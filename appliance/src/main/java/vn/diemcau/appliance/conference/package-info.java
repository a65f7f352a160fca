/**
 * The conference client: Janus VideoRoom over Janus's HTTP JSON API (java.net.http + Jackson,
 * long-poll events routed by sender, keepalives, trickle ICE), publishing and playing through
 * the media package.
 *
 * <p>Entry class: {@link vn.diemcau.appliance.conference.JanusConference}, the real
 * {@link vn.diemcau.appliance.call.Conference}, configured by
 * {@link vn.diemcau.appliance.conference.JanusOptions}.
 *
 * <pre>{@code
 * MediaEngine media = new MediaEngine(MediaSettings.defaults());
 * media.start();
 * Conference conference = new JanusConference(media, JanusOptions.defaults());
 * conference.join(new JoinRequest(URI.create("http://10.0.0.5:8088/janus"), "1234", "2468", "Xã An Phú"), listener);
 * }</pre>
 */
package vn.diemcau.appliance.conference;
