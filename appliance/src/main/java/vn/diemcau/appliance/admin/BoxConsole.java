package vn.diemcau.appliance.admin;

import java.util.Objects;

/**
 * The port the local admin page drives: everything it reads from and does to the box, in five
 * small parts so each real component gets one adapter ({@code ConfigStoreAdapter},
 * {@code ApplianceStatusAdapter}, {@code MediaEngineAdapter}, {@code HardwarePanelAdapter},
 * {@code SystemAdapter}). A part that a box cannot do throws {@link NotAvailable}; the page then
 * says so in Vietnamese and English instead of failing.
 *
 * @param config provisioning values: read, save (validated, atomic, previous kept), roll back
 * @param status call state, hub link, version, health
 * @param media  devices, camera snapshot, microphone level, test tone, self-test
 * @param panel  join button state, the virtual button, LED patterns
 * @param system logs, restart, reboot, factory reset
 */
public record BoxConsole(ConfigPort config, StatusPort status, MediaPort media, PanelPort panel, SystemPort system) {
    public BoxConsole {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(system, "system");
    }

    /** Thrown by a port method the box cannot do (no camera backend, no journal, ...). */
    public static final class NotAvailable extends RuntimeException {
        public NotAvailable(String what) {
            super(what);
        }
    }
}
