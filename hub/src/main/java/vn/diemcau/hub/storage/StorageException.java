package vn.diemcau.hub.storage;

/** A database operation failed; the message names the operation. */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
