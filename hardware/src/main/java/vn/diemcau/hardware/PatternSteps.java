package vn.diemcau.hardware;

import java.util.List;

/**
 * The on/off timeline of every {@link LedPattern}: one table, one place to change how the box
 * looks. A pattern is a cycle of steps; a single step is steady.
 *
 * <table>
 *   <caption>Patterns (G = green, R = red)</caption>
 *   <tr><th>pattern</th><th>timeline</th></tr>
 *   <tr><td>IDLE</td><td>G double flash (60 ms, 140 ms off, 60 ms) every 3 s: a dim heartbeat without PWM</td></tr>
 *   <tr><td>SESSION_READY</td><td>G 500 ms on / 500 ms off (1 Hz)</td></tr>
 *   <tr><td>JOINING</td><td>G 125 / 125 ms (4 Hz)</td></tr>
 *   <tr><td>IN_CALL</td><td>G steady</td></tr>
 *   <tr><td>MUTED</td><td>G steady + R steady</td></tr>
 *   <tr><td>ERROR</td><td>R 125 / 125 ms (4 Hz)</td></tr>
 *   <tr><td>HUB_UNREACHABLE</td><td>R 500 / 500 ms (1 Hz)</td></tr>
 *   <tr><td>NEEDS_SETUP</td><td>G + R 1,000 / 1,000 ms (0.5 Hz)</td></tr>
 *   <tr><td>IDENTIFY</td><td>G and R alternate, 250 ms each</td></tr>
 *   <tr><td>OFF</td><td>all off</td></tr>
 * </table>
 */
final class PatternSteps {

    /** One step: both LEDs' states, held for {@code millis} (0 for a steady, single-step pattern). */
    record Step(long millis, boolean green, boolean red) {
        Step {
            if (millis < 0) {
                throw new IllegalArgumentException("step millis must be >= 0, got " + millis);
            }
        }
    }

    private static final Step DARK = new Step(0, false, false);

    private PatternSteps() {
    }

    static List<Step> of(LedPattern pattern) {
        return switch (pattern) {
            case IDLE -> List.of(green(60), dark(140), green(60), dark(2_740));
            case SESSION_READY -> List.of(green(500), dark(500));
            case JOINING -> List.of(green(125), dark(125));
            case IN_CALL -> List.of(new Step(0, true, false));
            case MUTED -> List.of(new Step(0, true, true));
            case ERROR -> List.of(red(125), dark(125));
            case HUB_UNREACHABLE -> List.of(red(500), dark(500));
            case NEEDS_SETUP -> List.of(new Step(1_000, true, true), dark(1_000));
            case IDENTIFY -> List.of(green(250), red(250));
            case OFF -> List.of(DARK);
        };
    }

    private static Step green(long millis) {
        return new Step(millis, true, false);
    }

    private static Step red(long millis) {
        return new Step(millis, false, true);
    }

    private static Step dark(long millis) {
        return new Step(millis, false, false);
    }
}
