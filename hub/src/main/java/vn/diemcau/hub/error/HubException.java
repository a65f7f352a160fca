package vn.diemcau.hub.error;

/**
 * A request the hub cannot fulfil, with a message a person can act on. The REST API maps
 * {@link Kind} to an HTTP status.
 */
public final class HubException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  public enum Kind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNAVAILABLE
  }

  private final Kind kind;

  public HubException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static HubException notFound(String what) {
    return new HubException(Kind.NOT_FOUND, what + " does not exist");
  }

  public static HubException conflict(String message) {
    return new HubException(Kind.CONFLICT, message);
  }

  public static HubException badRequest(String message) {
    return new HubException(Kind.BAD_REQUEST, message);
  }

  public static HubException forbidden(String message) {
    return new HubException(Kind.FORBIDDEN, message);
  }
}
