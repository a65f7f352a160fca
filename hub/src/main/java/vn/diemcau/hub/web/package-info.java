/**
 * The hub's web dashboard; entry class {@link vn.diemcau.hub.web.Dashboard}, a Jetty handler
 * mounted after the REST API ({@code Hub.start(config, clock, services -> List.of(new
 * Dashboard(services.users(), Dashboard.hubAddress(config, env))))}).
 *
 * <p>Pages are server-rendered from {@code src/main/resources/web/*.html} with texts from the
 * {@code web/messages} bundles (Vietnamese default, English via {@code /ui/lang/en}); blocks an
 * action needs are rendered only for users holding the permission, so a viewer's page carries
 * no action buttons, and the API refuses the action anyway. Small vanilla scripts under
 * {@code /ui/static/} read and steer the fleet through the REST API with the session cookie
 * (plus {@code X-Requested-With}) and follow {@code /api/events} (Server-Sent Events).
 *
 * <pre>
 *   GET  /ui/login                login form (POST /api/login sets the session cookie)
 *   GET  /ui/fleet                every box live: presence, call and room, health, last seen;
 *                                 filters; totals; group start/stop/identify/restart with a result per box
 *   GET  /ui/alerts               open alerts by severity and age, acknowledge, 7 days of history
 *   GET  /ui/boxes/{id}           health charts, actions with their live lifecycle, snapshot,
 *                                 events, credentials (rotate, disable), audit trail
 *   GET  /ui/register             register a box; the credentials card (printable, QR) shown once
 *   GET  /ui/users                users and roles (ADMIN)
 *   GET  /ui/session              slot for the centre's session view (issue 8)
 *   GET  /ui/lang/{vi|en}         switch language (cookie diemcau_lang)
 *   POST /ui/qr                   text to QR code SVG (MANAGE_BOXES; for the card)
 * </pre>
 */
package vn.diemcau.hub.web;
