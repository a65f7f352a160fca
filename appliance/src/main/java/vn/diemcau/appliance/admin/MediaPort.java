package vn.diemcau.appliance.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** Camera, microphone and speaker checks. Methods may block for a few seconds (never on a Jetty selector). */
public interface MediaPort {

    /** Detected devices; the ids are what {@link ConfigPort.MediaChoice} stores. */
    List<Device> devices();

    /** A JPEG of the camera picture now; empty when the camera gave nothing. */
    Optional<byte[]> snapshotJpeg();

    /** Microphone level now, dBFS (-100..0); empty when the microphone gives nothing. */
    OptionalDouble microphoneLevelDb();

    /** Plays a short test tone on the speaker. */
    void playTestTone();

    /** Runs the self-test: fresh camera frames, microphone above its noise floor, a tone heard by the microphone. */
    List<CheckResult> selfTest();

    enum DeviceKind { CAMERA, MICROPHONE, SPEAKER }

    record Device(DeviceKind kind, String id, String label) {
        public Device {
            Objects.requireNonNull(kind, "kind");
            Text.require(id, "id", 200);
            Text.require(label, "label", 200);
        }
    }

    enum CheckItem { CAMERA_FRAMES, MICROPHONE_LEVEL, TONE_HEARD }

    /**
     * One self-test item.
     *
     * @param detail    measured values for the technician, e.g. "30 frames in 1.0 s", "-42 dBFS (floor -60)"
     *                  (English; what a log or the API shows)
     * @param localized the same as a message key of the page's bundles and its arguments, when there
     *                  is one; the page shows it in the technician's language
     */
    record CheckResult(CheckItem item, boolean passed, String detail, Duration took, Optional<Localized> localized) {
        public CheckResult {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(localized, "localized");
        }

        public CheckResult(CheckItem item, boolean passed, String detail, Duration took) {
            this(item, passed, detail, took, Optional.empty());
        }
    }

    /** A message key of the admin page's bundles with its {@code {0}}, {@code {1}}… arguments. */
    record Localized(String key, List<Object> args) {
        public Localized {
            Text.require(key, "key", 200);
            args = List.copyOf(args);
        }
    }
}
