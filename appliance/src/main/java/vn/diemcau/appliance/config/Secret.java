package vn.diemcau.appliance.config;

import java.util.Objects;

/** A password or token; never printed ({@link #toString()} is redacted). */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "<empty>" : "<redacted>";
    }
}
