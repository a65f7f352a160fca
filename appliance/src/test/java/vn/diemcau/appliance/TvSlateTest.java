package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.call.CallSnapshot;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.fleet.FleetSnapshot;
import vn.diemcau.appliance.media.IdleInfo;
import vn.diemcau.hardware.LedPattern;
import vn.diemcau.protocol.UpcomingSession;

class TvSlateTest {
    static final Instant NOW = Instant.parse("2026-12-01T01:30:00Z");
    final TvSlate slate = new TvSlate(Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Ho_Chi_Minh"));

    static ApplianceSnapshot box(CallStatus status, boolean hubConnected, Optional<UpcomingSession> upcoming) {
        return box(status, hubConnected, hubConnected ? Optional.empty() : Optional.of("connection refused"), upcoming);
    }

    static ApplianceSnapshot box(CallStatus status, boolean hubConnected, Optional<String> hubError,
                                 Optional<UpcomingSession> upcoming) {
        CallSnapshot call = new CallSnapshot(status, Optional.empty(), hubConnected, Optional.empty(), LedPattern.IDLE,
                Optional.empty(), false);
        FleetSnapshot fleet = new FleetSnapshot(hubConnected, NOW, 0, 0, hubError, 0);
        return new ApplianceSnapshot("xa-an-phu", "Xã An Phú", "1.0", "test", NOW, call, fleet, Optional.empty(),
                Optional.empty(), upcoming, Optional.empty());
    }

    @Test
    void idleRoom_showsItsName_theHubLink_andTheNextSessionInLocalTime() {
        UpcomingSession next = new UpcomingSession("Tiếp công dân định kỳ tháng 12", Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(slate.wanted(Optional.empty(), Optional.of(box(new CallStatus.Idle(NOW), true, Optional.of(next))), NOW))
                .contains(new IdleInfo("Xã An Phú", TvSlate.HUB_UP,
                        Optional.of("14:00 01/12 — Tiếp công dân định kỳ tháng 12")));
        assertThat(slate.wanted(Optional.empty(), Optional.of(box(new CallStatus.Idle(NOW), false, Optional.empty())), NOW))
                .contains(new IdleInfo("Xã An Phú", TvSlate.HUB_DOWN, Optional.empty()));
        // Just started, first connection under way: not an alarm.
        assertThat(slate.wanted(Optional.empty(), Optional.of(box(new CallStatus.Idle(NOW), false, Optional.empty(),
                Optional.empty())), NOW)).contains(new IdleInfo("Xã An Phú", TvSlate.CONNECTING, Optional.empty()));
        // Started but this room is not in it (yet): said so, the button joins.
        assertThat(slate.wanted(Optional.empty(), Optional.of(box(new CallStatus.Idle(NOW), true, Optional.of(next))),
                Instant.parse("2026-12-01T07:05:00Z")).orElseThrow().nextSession())
                .contains("đang diễn ra / in progress — Tiếp công dân định kỳ tháng 12");
    }

    @Test
    void callNeedsTheDisplay_slateGivesWay_evenWithASetupCode() {
        JoinRequest r = new JoinRequest(URI.create("http://10.99.0.1:8088/janus"), "1234", "", "Xã An Phú",
                Optional.empty(), Optional.empty());
        assertThat(slate.wanted(Optional.of("12345678"),
                Optional.of(box(new CallStatus.InCall(r, Duration.ofMillis(400), NOW), true, Optional.empty())), NOW)).isEmpty();
        assertThat(slate.wanted(Optional.empty(),
                Optional.of(box(new CallStatus.Joining(r, 1, NOW, NOW), true, Optional.empty())), NOW)).isEmpty();
        assertThat(slate.wanted(Optional.empty(),
                Optional.of(box(new CallStatus.Failed(Optional.of(r), "wrong PIN", NOW), true, Optional.empty())), NOW)).isPresent();
    }

    @Test
    void setupCode_winsWhileFirstRunIsPending_andAnUnprovisionedBoxSaysSo() {
        assertThat(slate.wanted(Optional.of("12345678"), Optional.empty(), NOW))
                .contains(new IdleInfo(TvSlate.NOT_SET_UP, "Mã cài đặt / Setup code: 12345678", Optional.empty()));
        assertThat(slate.wanted(Optional.of("12345678"), Optional.of(box(new CallStatus.Idle(NOW), true, Optional.empty())), NOW))
                .contains(new IdleInfo("Xã An Phú", "Mã cài đặt / Setup code: 12345678", Optional.empty()));
        assertThat(slate.wanted(Optional.empty(), Optional.empty(), NOW))
                .contains(new IdleInfo(TvSlate.NOT_SET_UP, TvSlate.NO_HUB_YET, Optional.empty()));
    }
}
