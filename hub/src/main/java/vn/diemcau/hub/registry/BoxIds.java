package vn.diemcau.hub.registry;

import java.util.regex.Pattern;

/** Box id validation (the protocol's DeviceId rules). */
public final class BoxIds {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private BoxIds() {}

  /** Returns {@code id} when it is a valid DeviceId; throws IllegalArgumentException naming it otherwise. */
  public static String requireValid(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("box id must be 1-64 characters of a-z, 0-9 and '-' starting with a letter or digit but was " + id);
    }
    return id;
  }
}
