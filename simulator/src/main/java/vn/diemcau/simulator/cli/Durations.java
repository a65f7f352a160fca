package vn.diemcau.simulator.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** The duration converter of the simulator's command lines ({@code 250ms}, {@code 10s}, {@code 5m}, {@code PT1H}), for other packages' options. */
public final class Durations implements ITypeConverter<Duration> {
    private final DurationConverter converter = new DurationConverter();

    @Override
    public Duration convert(String value) {
        return converter.convert(value);
    }
}
