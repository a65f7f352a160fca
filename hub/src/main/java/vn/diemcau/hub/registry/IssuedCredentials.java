package vn.diemcau.hub.registry;

import java.util.Objects;

/** A box and its freshly issued password: shown once, never stored in clear. */
public record IssuedCredentials(Box box, String password) {
  public IssuedCredentials {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "IssuedCredentials[box=" + box.id() + ", password=<redacted>]";
  }
}
