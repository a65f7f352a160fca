package vn.diemcau.hub.api;

import java.util.Optional;

/** An HTTP status with an optional JSON body; endpoints may also return a plain body (200). */
record Reply(int status, Optional<Object> body) {
  static final Reply STREAMED = new Reply(0, Optional.empty());

  static Reply created(Object body) {
    return new Reply(201, Optional.of(body));
  }

  static Reply accepted(Object body) {
    return new Reply(202, Optional.of(body));
  }

  static Reply noContent() {
    return new Reply(204, Optional.empty());
  }
}
