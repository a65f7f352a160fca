package vn.diemcau.hub.session;

/**
 * Where a scheduled reception session is.
 *
 * <pre>
 *               start (manual or at startsAt)        end (manual or at endsAt)
 *   SCHEDULED ────────────────────────────────► LIVE ──────────────────────────► ENDED
 *       │  cancel
 *       ├──────────► CANCELLED
 *       │  endsAt passed while the hub was down
 *       └──────────► MISSED
 * </pre>
 */
public enum SessionState {
  /** Waiting for its start time; shown on the rooms' idle screens as the next session. */
  SCHEDULED,
  /** The rooms were sent the join and keep it as their desired session. */
  LIVE,
  /** The rooms were sent the leave; their desired session is cleared. */
  ENDED,
  /** Called off before it started. */
  CANCELLED,
  /** Its whole time window passed while the hub was not running; nothing was sent. */
  MISSED;

  /** True once nothing more can happen to the session. */
  public boolean isFinal() {
    return this == ENDED || this == CANCELLED || this == MISSED;
  }
}
