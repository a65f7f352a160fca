package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The level element posts only while somebody reads the level, in a real GStreamer pipeline. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicrophoneTapIT {

    @Test
    void levelMessages_flowWhileRead_andStopWhenNobodyReads() {
        GstRuntime.init();
        Pipeline pipeline = GstRuntime.call(() -> (Pipeline) GstRuntime.parse(
                "audiotestsrc is-live=true wave=sine volume=0.5 ! audio/x-raw,rate=48000,channels=1 ! "
                        + MicrophoneTap.LEVEL_ELEMENT + " ! fakesink sync=true"), Duration.ofSeconds(5));
        MicrophoneTap tap = GstRuntime.call(() -> new MicrophoneTap(pipeline), Duration.ofSeconds(5));
        try {
            GstRuntime.run(pipeline::play, Duration.ofSeconds(5));
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(tap.messages()).as("nobody asked: the element posts nothing").isZero();

            assertThat(tap.level()).as("the first read waits for the first message")
                    .hasValueSatisfying(l -> assertThat(l.rmsDb()).isBetween(-10.0, -8.0));
            assertThat(tap.posting()).isTrue();

            await().atMost(Duration.ofSeconds(MicrophoneTap.QUIET_SECONDS + 10)).until(() -> !tap.posting());
            long afterQuiet = tap.messages();
            await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(tap.messages()).as("at most one message already on its way").isLessThanOrEqualTo(afterQuiet + 1);

            assertThat(tap.level()).as("reading again switches posting back on, without the stale sum of the quiet spell")
                    .hasValueSatisfying(l -> assertThat(l.rmsDb()).isBetween(-10.0, -8.0));
        } finally {
            GstRuntime.run(() -> {
                tap.close();
                pipeline.setState(State.NULL);
                pipeline.dispose();
            }, Duration.ofSeconds(5));
        }
    }
}
