package vn.diemcau.appliance;

import java.util.Optional;
import vn.diemcau.appliance.call.CallSnapshot;
import vn.diemcau.appliance.call.CallStats;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.health.HealthSample;
import vn.diemcau.protocol.CallInfo;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.MediaStats;
import vn.diemcau.protocol.Network;
import vn.diemcau.protocol.Peripherals;
import vn.diemcau.protocol.SystemHealth;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.Throttling;

/** Maps the appliance's own types onto the wire protocol's records. */
final class ProtocolMapping {

    private ProtocolMapping() {
    }

    static CallState state(CallStatus s) {
        return switch (s) {
            case CallStatus.Idle i -> CallState.IDLE;
            case CallStatus.Joining j -> CallState.JOINING;
            case CallStatus.InCall c -> CallState.IN_CALL;
            case CallStatus.Leaving l -> CallState.LEAVING;
            case CallStatus.Retrying r -> CallState.RETRYING;
            case CallStatus.Failed f -> CallState.ERROR;
        };
    }

    static JoinRequest.View view(ConferenceView v) {
        return switch (v) {
            case CENTRE -> JoinRequest.View.CENTRE;
            case ALL -> JoinRequest.View.ALL;
        };
    }

    static ConferenceView view(JoinRequest.View v) {
        return switch (v) {
            case CENTRE -> ConferenceView.CENTRE;
            case ALL -> ConferenceView.ALL;
        };
    }

    static Optional<String> reason(CallStatus s) {
        return switch (s) {
            case CallStatus.Retrying r -> Optional.of(r.reason());
            case CallStatus.Failed f -> Optional.of(f.reason());
            case CallStatus.Idle i -> Optional.empty();
            case CallStatus.Joining j -> Optional.empty();
            case CallStatus.InCall c -> Optional.empty();
            case CallStatus.Leaving l -> Optional.empty();
        };
    }

    static Telemetry telemetry(HealthSample h, CallSnapshot call, Optional<CallStats> stats, Peripherals peripherals) {
        SystemHealth system = new SystemHealth(h.cpuLoad1m(), h.cpuPercent(), h.cpuTemperatureC(), h.memTotalBytes(),
                h.memAvailableBytes(), h.diskTotalBytes(), h.diskFreeBytes(), h.uptimeSeconds(),
                new Throttling(h.throttling().underVoltage(), h.throttling().frequencyCapped(), h.throttling().throttled(),
                        h.throttling().softTempLimit(), h.throttling().occurredSinceBoot()),
                new Network(h.network().interfaceName(), h.network().address(), h.network().rxBytes(), h.network().txBytes()));
        CallInfo info = new CallInfo(state(call.status()), call.status().session().map(r -> r.room()),
                call.lastTimeToJoin().map(d -> d.toMillis()));
        Optional<MediaStats> media = stats.map(s -> new MediaStats(s.outgoingBitrateKbps(), s.outgoingFps(),
                s.packetLossPercent(), s.jitterMs(), s.roundTripMs()));
        return new Telemetry(h.at(), system, peripherals, info, media);
    }

}
