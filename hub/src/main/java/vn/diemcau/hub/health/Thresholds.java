package vn.diemcau.hub.health;

/**
 * When health alerts open. An alert closes when the value is back under its threshold minus
 * the hysteresis (temperature) or the condition clears.
 */
public record Thresholds(double maxCpuTemperatureC, double temperatureHysteresisC, double maxPacketLossPercent) {
  public Thresholds {
    if (maxCpuTemperatureC < 30 || maxCpuTemperatureC > 120) {
      throw new IllegalArgumentException("health.maxCpuTemperatureC must be 30-120 but was " + maxCpuTemperatureC);
    }
    if (temperatureHysteresisC < 0 || temperatureHysteresisC > 30) {
      throw new IllegalArgumentException("health.temperatureHysteresisC must be 0-30 but was " + temperatureHysteresisC);
    }
    if (maxPacketLossPercent <= 0 || maxPacketLossPercent > 100) {
      throw new IllegalArgumentException("health.maxPacketLossPercent must be in (0, 100] but was " + maxPacketLossPercent);
    }
  }

  public static Thresholds defaults() {
    return new Thresholds(80, 5, 5);
  }
}
