package vn.diemcau.appliance.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The steps of a connection test, in order; the last one failed if any did. */
record ProbeReport(String target, List<Step> steps) {
    ProbeReport {
        Objects.requireNonNull(target, "target");
        steps = List.copyOf(steps);
    }

    /** Where a connection can fail, in the order they are tried. */
    enum Stage { ADDRESS, DNS, TCP, TLS, MQTT_AUTH, JANUS_API, ROOM }

    /**
     * @param messageKey what the page says (a key of the message bundles); {@code detail} is the technical reason
     */
    record Step(Stage stage, boolean ok, String messageKey, String detail, Duration took) {
        Step {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(took, "took");
        }
    }

    boolean ok() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::ok);
    }

    Optional<Step> failure() {
        return steps.stream().filter(s -> !s.ok()).findFirst();
    }
}
