package vn.diemcau.hub.registry;

import vn.diemcau.protocol.DeviceId;

/** Box id validation: the protocol's {@link DeviceId} rules. */
public final class BoxIds {
  private BoxIds() {}

  /** Returns {@code id} when it is a valid DeviceId; throws IllegalArgumentException naming it otherwise. */
  public static String requireValid(String id) {
    if (!DeviceId.isValid(id)) {
      throw new IllegalArgumentException("box id must be 1-64 characters of a-z, 0-9 and '-' starting with a letter "
          + "or digit but was " + id);
    }
    return id;
  }
}
