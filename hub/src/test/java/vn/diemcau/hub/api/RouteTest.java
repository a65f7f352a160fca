package vn.diemcau.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTest {
  private final Route route = Route.open("GET", "/api/boxes/{id}/telemetry", c -> null);

  @Test
  void match_pattern_extractsDecodedParameters() {
    assertThat(route.match("/api/boxes/xa-an-phu-01/telemetry")).contains(Map.of("id", "xa-an-phu-01"));
    assertThat(route.match("/api/boxes/a%20b/telemetry")).contains(Map.of("id", "a b"));
  }

  @Test
  void match_otherPaths_empty() {
    assertThat(route.match("/api/boxes//telemetry")).isEqualTo(Optional.empty());
    assertThat(route.match("/api/boxes/x")).isEmpty();
    assertThat(route.match("/api/boxes/x/telemetry/raw")).isEmpty();
  }
}
