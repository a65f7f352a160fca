package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.protocol.Event.ButtonPressed;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.Event.CallStateChanged;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.TopicPermissions;

/** The appliance as its own process: {@code kill -9} while the hub is unreachable loses no event. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApplianceRestartIT {

    static final DeviceId BOX = DeviceId.of("xa-binh-my-02");

    @TempDir
    Path dir;

    @Test
    void kill9WhileOffline_queuedEventsSurviveRestartAndAreDeliveredInOrder() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        Path config = dir.resolve("appliance.json");
        Path state = dir.resolve("state");
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), Map.of(BOX.value(), "pw", "_hub", "hubpw"),
                TopicPermissions.mosquittoAcl()).start();
             HubClient hub = new HubClient(broker.url(), "hubpw")) {
            Files.writeString(config, ApplianceConfigs.devJson(BOX.value(), broker.url(), "pw"));

            try (ApplianceProcess first = new ApplianceProcess(config, state)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> online(hub) >= 1 || !first.isAlive());
                assertThat(first.isAlive()).as(first.output()).isTrue();

                broker.stop();
                await().atMost(Duration.ofSeconds(15)).until(() -> first.printed("Lost the hub"));
                first.type("short");
                await().atMost(Duration.ofSeconds(10)).until(() -> first.printed("Call Joining -> InCall"));
                first.type("long");
                await().atMost(Duration.ofSeconds(10)).until(() -> first.printed("Call Leaving -> Idle"));
                first.kill9();
            }
            assertThat(events(hub)).isEmpty();

            broker.start();
            try (ApplianceProcess second = new ApplianceProcess(config, state)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> events(hub).size() >= 6 || !second.isAlive());
                assertThat(second.isAlive()).as(second.output()).isTrue();
                await().atMost(Duration.ofSeconds(5)).until(() -> online(hub) >= 2);
                List<Event> events = events(hub);
                assertThat(events).as(second.output()).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                assertThat(events.get(0)).isInstanceOf(ButtonPressed.class);
                // The long press is typed as soon as the console prints "Joining -> InCall"; the
                // journal may record it just before or just after the IN_CALL change.
                assertThat(events.subList(2, 4)).as(second.output())
                        .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CallStateChanged.class,
                                c -> assertThat(c.to()).isEqualTo(CallState.IN_CALL)))
                        .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ButtonPressed.class,
                                b -> assertThat(b.longPress()).isTrue()));
                assertThat(events.get(5)).isInstanceOfSatisfying(CallStateChanged.class, c -> assertThat(c.to()).isEqualTo(CallState.IDLE));

                second.kill9();
                await("Last Will after kill -9").atMost(Duration.ofSeconds(10)).until(() ->
                        hub.decoded(BOX, Channel.STATUS, Status.class).getLast().presence() == Presence.OFFLINE);
            }
            try (ApplianceProcess third = new ApplianceProcess(config, state)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> online(hub) >= 3 || !third.isAlive());
                assertThat(third.isAlive()).as(third.output()).isTrue();
                long t0 = System.nanoTime();
                int exit = third.stop();
                String how = "exit " + exit + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms";
                assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
                await("OFFLINE published on a clean stop").atMost(Duration.ofSeconds(5)).until(() ->
                        hub.decoded(BOX, Channel.STATUS, Status.class).getLast().presence() == Presence.OFFLINE);
                try {
                    await("shutdown hook output").atMost(Duration.ofSeconds(5)).until(() -> third.printed("Appliance stopped"));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(how + ", third output:\n" + third.output(), e);
                }
                assertThat(third.output()).contains("Fleet agent stopped").doesNotContain("Exception");
                assertThat(events(hub)).hasSize(6);
            }
        }
    }

    private static List<Event> events(HubClient hub) {
        return hub.decoded(BOX, Channel.EVENT, Event.class);
    }

    private static long online(HubClient hub) {
        return hub.decoded(BOX, Channel.STATUS, Status.class).stream().filter(s -> s.presence() == Presence.ONLINE).count();
    }
}
