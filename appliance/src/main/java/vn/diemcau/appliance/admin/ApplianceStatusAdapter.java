package vn.diemcau.appliance.admin;

import java.util.Objects;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import vn.diemcau.appliance.ApplianceSnapshot;
import vn.diemcau.appliance.NextSession;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.health.HealthSample;

/** {@link StatusPort} over the appliance's snapshot (call machine, fleet link, last health reading). */
public final class ApplianceStatusAdapter implements StatusPort {

    private final Supplier<ApplianceSnapshot> snapshot;

    /** @param snapshot e.g. {@code appliance::snapshot} */
    public ApplianceStatusAdapter(Supplier<ApplianceSnapshot> snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public BoxStatus status() {
        ApplianceSnapshot s = snapshot.get();
        CallStatus call = s.call().status();
        String state = switch (call) {
            case CallStatus.Idle i -> "IDLE";
            case CallStatus.Joining j -> "JOINING";
            case CallStatus.InCall c -> "IN_CALL";
            case CallStatus.Leaving l -> "LEAVING";
            case CallStatus.Retrying r -> "RETRYING";
            case CallStatus.Failed f -> "ERROR";
        };
        Optional<String> detail = switch (call) {
            case CallStatus.Retrying r -> Optional.of(r.reason());
            case CallStatus.Failed f -> Optional.of(f.reason());
            case CallStatus.Joining j -> j.attempt() > 1 ? Optional.of("#" + j.attempt()) : Optional.empty();
            case CallStatus.InCall c -> s.call().muted() ? Optional.of("micro đang tắt / microphone muted") : Optional.empty();
            default -> Optional.empty();
        };
        return new BoxStatus(s.boxId(), s.displayName(), s.softwareVersion(), s.hardware(), s.startedAt(), state,
                call.session().map(JoinRequest::room), detail, s.fleet().connected(), s.fleet().since(), s.fleet().lastError(),
                s.fleet().pendingEvents(), s.health().map(ApplianceStatusAdapter::health), s.configProblem(),
                s.view().map(v -> switch (v) {
                    case CENTRE -> "CENTRE";
                    case ALL -> "ALL";
                }), s.upcoming().map(u -> NextSession.describe(u, Instant.now(), ZoneId.systemDefault())));
    }

    private static Health health(HealthSample h) {
        HealthSample.Throttling t = h.throttling();
        return new Health(h.at(), h.cpuPercent(), h.cpuLoad1m(), h.cpuTemperatureC(), h.memTotalBytes(), h.memAvailableBytes(),
                h.diskTotalBytes(), h.diskFreeBytes(), h.uptimeSeconds(), t.underVoltage() || t.throttled() || t.softTempLimit());
    }
}
