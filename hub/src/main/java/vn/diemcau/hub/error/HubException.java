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
  private final transient java.util.Optional<String> field;

  public HubException(Kind kind, String message) {
    this(kind, message, java.util.Optional.empty());
  }

  private HubException(Kind kind, String message, java.util.Optional<String> field) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, when one is (a form can show the message next to it). */
  public java.util.Optional<String> field() {
    return field;
  }

  /** Bad input in one named field. */
  public static HubException badField(String field, String message) {
    return new HubException(Kind.BAD_REQUEST, message, java.util.Optional.of(field));
  }

  /** A conflict caused by one named field's value. */
  public static HubException conflict(String field, String message) {
    return new HubException(Kind.CONFLICT, message, java.util.Optional.of(field));
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
