package vn.diemcau.appliance.admin;

import java.time.Instant;
import java.util.Optional;

/** The provisioning part of the box's config file. Implementations write atomically and keep the previous version. */
public interface ConfigPort {

    /** The saved values; {@link Provisioning#hubPassword()} and {@link Provisioning#conferencePin()} included. */
    Provisioning current();

    /**
     * Validates and saves {@code values} atomically, keeping the previous file.
     *
     * @return whether the change took effect at once or needs a service restart
     * @throws InvalidField when the box's own validation refuses a value (nothing is written)
     */
    Applied save(Provisioning values);

    /** When the previous version (the rollback target) was written, if there is one. */
    Optional<Instant> previousSavedAt();

    /**
     * Makes the previous version current again (the current one becomes the previous).
     *
     * @throws BoxConsole.NotAvailable when there is no previous version
     */
    Applied rollback();

    /** The camera, microphone and speaker chosen (device ids as {@link MediaPort#devices()} lists them). */
    MediaChoice mediaChoice();

    /** Saves the device choice atomically. */
    Applied saveMediaChoice(MediaChoice choice);

    /** How a saved change took effect. */
    enum Applied { LIVE, RESTART_NEEDED }

    /** A device choice; each is a device id from {@link MediaPort#devices()} or {@code "auto"}. */
    record MediaChoice(String camera, String microphone, String speaker) {
        public MediaChoice {
            Text.require(camera, "camera", 200);
            Text.require(microphone, "microphone", 200);
            Text.require(speaker, "speaker", 200);
        }
    }

    /** A value the box refused; {@code field} is a {@link Provisioning} component name. */
    final class InvalidField extends RuntimeException {
        private final String field;

        public InvalidField(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
