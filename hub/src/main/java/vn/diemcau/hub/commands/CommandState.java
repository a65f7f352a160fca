package vn.diemcau.hub.commands;

/**
 * A command's lifecycle on the hub.
 *
 * <pre>
 *   SENT ──ACCEPTED──▶ ACCEPTED ──SUCCEEDED──▶ SUCCEEDED
 *    │                    ├──────FAILED─────▶ FAILED
 *    │                    └──deadline───────▶ TIMED_OUT
 *    ├──REJECTED─────────────────────────────▶ REJECTED
 *    ├──SUCCEEDED / FAILED (accept lost)─────▶ SUCCEEDED / FAILED
 *    └──expiry passed, no answer─────────────▶ EXPIRED
 * </pre>
 */
public enum CommandState {
  SENT,
  ACCEPTED,
  SUCCEEDED,
  FAILED,
  REJECTED,
  EXPIRED,
  TIMED_OUT;

  public boolean isFinal() {
    return this != SENT && this != ACCEPTED;
  }
}
