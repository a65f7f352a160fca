/**
 * The box's local admin page: {@link vn.diemcau.appliance.admin.AdminServer} (Jetty 12 over HTTPS
 * with a self-signed certificate, HTTP redirecting) serving server-rendered pages in Vietnamese
 * (English switchable) for technicians: first run with the one-time setup code, login, status,
 * provisioning with connection tests, audio and video checks, buttons and LEDs, logs, maintenance.
 *
 * <p>The pages act on the box only through the {@link vn.diemcau.appliance.admin.BoxConsole} port;
 * the adapters {@code ConfigStoreAdapter}, {@code ApplianceStatusAdapter}, {@code MediaEngineAdapter},
 * {@code HardwarePanelAdapter} and {@code SystemAdapter} connect it to the real components.
 *
 * <pre>
 * curl -k https://BOX:8443/            # 303 to /setup (first run) or /login
 * curl -I http://BOX:8080/status       # 301 to https://BOX:8443/status
 * </pre>
 */
package vn.diemcau.appliance.admin;
