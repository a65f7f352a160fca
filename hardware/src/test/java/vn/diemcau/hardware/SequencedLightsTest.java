package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pattern timelines under the fake scheduler: the LEDs are sampled every 25 ms of fake time. */
class SequencedLightsTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final VirtualLamps lamps = new VirtualLamps();
    private final SequencedLights lights = new SequencedLights(scheduler, lamps);

    /** One character per 25 ms: G green, R red, B both, . off. */
    private String trace(long millis) {
        StringBuilder out = new StringBuilder();
        for (long t = 0; t < millis; t += 25) {
            out.append(lamps.green() && lamps.red() ? 'B' : lamps.green() ? 'G' : lamps.red() ? 'R' : '.');
            scheduler.advance(25);
        }
        return out.toString();
    }

    @Test
    void sessionReady_blinksGreenAt1Hz() {
        lights.show(LedPattern.SESSION_READY);
        assertThat(trace(2_000)).isEqualTo(("G".repeat(20) + ".".repeat(20)).repeat(2));
    }

    @Test
    void joining_blinksGreenAt4Hz() {
        lights.show(LedPattern.JOINING);
        assertThat(trace(1_000)).isEqualTo("GGGGG.....".repeat(4));
    }

    @Test
    void steadyPatterns_doNotChangeAndNeedNoTimer() {
        lights.show(LedPattern.IN_CALL);
        assertThat(trace(1_000)).isEqualTo("G".repeat(40));
        lights.show(LedPattern.MUTED);
        assertThat(trace(1_000)).isEqualTo("B".repeat(40));
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void errorAndHubUnreachable_blinkRedAtDifferentRates() {
        lights.show(LedPattern.ERROR);
        assertThat(trace(500)).isEqualTo("RRRRR.....".repeat(2));
        lights.show(LedPattern.HUB_UNREACHABLE);
        assertThat(trace(1_000)).isEqualTo("R".repeat(20) + ".".repeat(20));
    }

    @Test
    void idle_isAShortDoubleFlashEveryThreeSeconds() {
        lights.show(LedPattern.IDLE);
        List<Long> greenOnAt = new ArrayList<>();
        boolean wasOn = false;
        for (long t = 0; t < 6_000; t += 10) {
            if (lamps.green() && !wasOn) {
                greenOnAt.add(t);
            }
            assertThat(lamps.red()).isFalse();
            wasOn = lamps.green();
            scheduler.advance(10);
        }
        assertThat(greenOnAt).containsExactly(0L, 200L, 3_000L, 3_200L);
    }

    @Test
    void patterns_areAllDistinct() {
        assertThat(java.util.Arrays.stream(LedPattern.values()).map(PatternSteps::of).distinct())
                .hasSize(LedPattern.values().length);
    }

    @Test
    void identify_alternatesThenRestoresTheLastShownPattern() {
        lights.show(LedPattern.IN_CALL);
        lights.identify(Duration.ofSeconds(2));
        assertThat(lights.current()).isEqualTo(LedPattern.IDENTIFY);
        assertThat(trace(1_000)).isEqualTo("GGGGGGGGGGRRRRRRRRRR".repeat(2));

        lights.show(LedPattern.MUTED);
        assertThat(lights.current()).isEqualTo(LedPattern.IDENTIFY);
        scheduler.advance(1_000);

        assertThat(lights.current()).isEqualTo(LedPattern.MUTED);
        assertThat(trace(100)).isEqualTo("BBBB");
    }

    @Test
    void identify_rejectsNonPositiveDuration() {
        assertThatThrownBy(() -> lights.identify(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    }

    @Test
    void close_leavesEverythingOffAndStopsBlinking() {
        lights.show(LedPattern.JOINING);
        lights.close();
        assertThat(trace(1_000)).isEqualTo(".".repeat(40));
        lights.show(LedPattern.IN_CALL);
        assertThat(lamps.green()).isFalse();
        assertThat(lights.current()).isEqualTo(LedPattern.OFF);
        lights.close();
    }
}
