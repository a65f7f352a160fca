package vn.diemcau.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal server-side templates from {@code /web/*.html}: {@code {{t:key}}} a text from the
 * bundle, {@code {{v:name}}} an HTML-escaped variable, {@code {{raw:name}}} a trusted
 * fragment, and {@code {{#can PERMISSION}}…{{/can}}} a block kept only when the user has the
 * permission — so a viewer's page holds no action buttons at all.
 */
final class Templates {
  private static final Pattern CAN = Pattern.compile("\\{\\{#can ([A-Z_]+)}}(.*?)\\{\\{/can}}", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("\\{\\{(t|v|raw):([a-zA-Z0-9_.\\-]+)}}");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  String render(String name, I18n i18n, I18n.Lang lang, Map<String, String> vars, Predicate<String> can) {
    String src = cache.computeIfAbsent(name, Templates::load);
    Matcher c = CAN.matcher(src);
    StringBuilder kept = new StringBuilder();
    while (c.find()) {
      c.appendReplacement(kept, Matcher.quoteReplacement(can.test(c.group(1)) ? c.group(2) : ""));
    }
    c.appendTail(kept);
    Matcher m = TAG.matcher(kept);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(2);
      String value = switch (m.group(1)) {
        case "t" -> escape(i18n.text(lang, key));
        case "v" -> escape(vars.getOrDefault(key, ""));
        default -> vars.getOrDefault(key, "");
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static String load(String name) {
    try (InputStream in = Templates.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("template missing from the classpath: /web/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
