package vn.diemcau.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private final I18n i18n = new I18n();
  private final Templates templates = new Templates();

  @Test
  void fleetPage_forAviewer_hasNoActionBlocks() {
    String html = templates.render("fleet.html", i18n, I18n.Lang.VI, Map.of(), p -> p.equals("VIEW_FLEET"));
    assertThat(html).doesNotContain("data-group").doesNotContain("sel-all").doesNotContain("{{");
    assertThat(html).contains("trực tuyến");
  }

  @Test
  void sessionPage_forAnOperator_hasTheScheduleForm_forAviewer_onlyTheList() {
    String operator = templates.render("session.html", i18n, I18n.Lang.EN, Map.of(),
        p -> p.equals("VIEW_FLEET") || p.equals("COMMAND_SESSION"));
    assertThat(operator).contains("id=\"session-form\"").contains("Schedule a session").contains("All rooms")
        .contains("href=\"/session\"").doesNotContain("{{");
    String viewer = templates.render("session.html", i18n, I18n.Lang.VI, Map.of(), p -> p.equals("VIEW_FLEET"));
    assertThat(viewer).doesNotContain("session-form").contains("Phiên tiếp dân").contains("id=\"sessions\"");
  }

  @Test
  void boxPage_forAnOperator_hasSessionAndMaintenanceButtons_butNoCredentials() {
    String html = templates.render("box.html", i18n, I18n.Lang.EN, Map.of("boxId", "xa-a"),
        p -> !p.equals("MANAGE_BOXES") && !p.equals("ADMINISTER"));
    assertThat(html).contains("data-cmd=\"join\"").contains("data-cmd=\"reboot\"").contains("Join a room");
    assertThat(html).doesNotContain("id=\"rotate\"");
  }

  @Test
  void variables_areEscaped() {
    String html = templates.render("box.html", i18n, I18n.Lang.VI, Map.of("boxId", "<script>x</script>"), p -> false);
    assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>x");
  }

  @Test
  void qrSvg_drawsModules_andRefusesEmptyOrOversizedText() {
    assertThat(QrSvg.svg("{\"id\":\"xa-a\",\"password\":\"p\"}")).startsWith("<svg").contains("<path fill=\"#000\" d=\"M");
    assertThatThrownBy(() -> QrSvg.svg("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrSvg.svg("x".repeat(QrSvg.MAX_TEXT + 1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bundles_haveTheSameKeys_andTheSamePlaceholders() throws IOException {
    Properties vi = load("/web/messages.properties");
    Properties en = load("/web/messages_en.properties");
    assertThat(en.stringPropertyNames()).isEqualTo(vi.stringPropertyNames());
    Pattern ph = Pattern.compile("\\{\\d}");
    for (String k : vi.stringPropertyNames()) {
      assertThat(count(ph.matcher(en.getProperty(k)))).as(k).isEqualTo(count(ph.matcher(vi.getProperty(k))));
    }
  }

  private static long count(Matcher m) {
    return m.results().count();
  }

  private static Properties load(String path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = TemplatesTest.class.getResourceAsStream(path)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
