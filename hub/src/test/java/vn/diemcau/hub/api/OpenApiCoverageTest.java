package vn.diemcau.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenApiCoverageTest {
  private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");

  private static Set<String> documented() throws Exception {
    Set<String> out = new HashSet<>();
    String current = null;
    boolean inPaths = false;
    for (String line : Files.readAllLines(Path.of("openapi.yaml"))) {
      if (line.equals("paths:")) {
        inPaths = true;
        continue;
      }
      if (inPaths && !line.isEmpty() && !line.startsWith(" ")) {
        break;
      }
      Matcher p = PATH.matcher(line);
      Matcher m = METHOD.matcher(line);
      if (p.matches()) {
        current = p.group(1);
      } else if (m.matches() && current != null) {
        out.add(m.group(1).toUpperCase(Locale.ROOT) + " " + current);
      }
    }
    return out;
  }

  private static Set<String> implemented() {
    ApiServices none = new ApiServices(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
    Set<String> out = new HashSet<>();
    for (Route r : ApiRoutes.routes(none)) {
      out.add(r.method() + " " + r.pattern());
    }
    return out;
  }

  @Test
  void openApi_describesEveryRoute() throws Exception {
    assertThat(documented()).containsAll(implemented());
  }

  @Test
  void openApi_describesNoRouteThatDoesNotExist() throws Exception {
    assertThat(implemented()).containsAll(documented());
  }
}
