package vn.diemcau.hub.health;

import java.util.Locale;
import vn.diemcau.hub.presence.BoxPresence;
import vn.diemcau.hub.presence.PresenceState;
import vn.diemcau.protocol.Telemetry;

/**
 * Turns presence changes and telemetry into alerts: OFFLINE while a box is offline;
 * TEMPERATURE above the threshold (closing below it minus the hysteresis); THROTTLING while the
 * board reports under-voltage or throttling now; CAMERA_MISSING / MICROPHONE_MISSING while the
 * peripheral is absent; PACKET_LOSS above the threshold during a call.
 */
public final class HealthMonitor {
  private final AlertBook alerts;
  private final Thresholds thresholds;

  public HealthMonitor(AlertBook alerts, Thresholds thresholds) {
    this.alerts = alerts;
    this.thresholds = thresholds;
  }

  public void onPresence(BoxPresence previous, BoxPresence current) {
    if (current.state() == PresenceState.OFFLINE) {
      alerts.open(current.boxId(), AlertKind.OFFLINE, "offline since " + current.since()
          + current.lastSeen().map(t -> ", last seen " + t).orElse(""));
    } else if (current.state() == PresenceState.ONLINE) {
      alerts.close(current.boxId(), AlertKind.OFFLINE);
    }
  }

  public void onTelemetry(String boxId, Telemetry t) {
    var sys = t.system();
    sys.cpuTemperatureC().ifPresent(temp -> {
      if (temp > thresholds.maxCpuTemperatureC()) {
        alerts.open(boxId, AlertKind.TEMPERATURE, String.format(Locale.ROOT, "CPU at %.1f °C (limit %.1f °C)", temp,
            thresholds.maxCpuTemperatureC()));
      } else if (temp < thresholds.maxCpuTemperatureC() - thresholds.temperatureHysteresisC()) {
        alerts.close(boxId, AlertKind.TEMPERATURE);
      }
    });
    var th = sys.throttling();
    if (th.underVoltage() || th.throttled() || th.frequencyCapped()) {
      alerts.open(boxId, AlertKind.THROTTLING, "under-voltage=" + th.underVoltage() + ", throttled=" + th.throttled()
          + ", frequency capped=" + th.frequencyCapped());
    } else {
      alerts.close(boxId, AlertKind.THROTTLING);
    }
    toggle(boxId, AlertKind.CAMERA_MISSING, !t.peripherals().camera(), "no camera detected");
    toggle(boxId, AlertKind.MICROPHONE_MISSING, !t.peripherals().microphone(), "no microphone detected");
    double loss = t.media().map(m -> m.packetLossPercent()).orElse(0.0);
    if (loss > thresholds.maxPacketLossPercent()) {
      alerts.open(boxId, AlertKind.PACKET_LOSS, String.format(Locale.ROOT, "packet loss %.1f %% (limit %.1f %%)", loss,
          thresholds.maxPacketLossPercent()));
    } else {
      alerts.close(boxId, AlertKind.PACKET_LOSS);
    }
  }

  private void toggle(String boxId, AlertKind kind, boolean bad, String detail) {
    if (bad) {
      alerts.open(boxId, kind, detail);
    } else {
      alerts.close(boxId, kind);
    }
  }
}
