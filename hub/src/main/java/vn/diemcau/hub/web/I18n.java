package vn.diemcau.hub.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The dashboard's texts from the {@code web/messages} resource bundles (UTF-8): Vietnamese
 * first and the default, English switchable. Keys starting with {@code js.} are also handed
 * to the pages' scripts.
 */
final class I18n {
  /** A language the dashboard speaks. */
  enum Lang {
    VI(Locale.forLanguageTag("vi")), EN(Locale.ENGLISH);

    final Locale locale;

    Lang(Locale locale) {
      this.locale = locale;
    }

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Lang parse(String code) {
      return "en".equalsIgnoreCase(code) ? EN : VI;
    }
  }

  private final Map<Lang, Map<String, String>> texts = new java.util.EnumMap<>(Lang.class);

  I18n() {
    for (Lang l : Lang.values()) {
      ResourceBundle b = ResourceBundle.getBundle("web.messages", l.locale, ResourceBundle.Control.getNoFallbackControl(
          ResourceBundle.Control.FORMAT_PROPERTIES));
      Map<String, String> m = new TreeMap<>();
      for (String k : b.keySet()) {
        m.put(k, b.getString(k));
      }
      texts.put(l, Map.copyOf(m));
    }
  }

  /** The text for {@code key}; the key itself when missing (visible, never a crash). */
  String text(Lang lang, String key) {
    String v = texts.get(lang).get(key);
    return v == null ? texts.get(Lang.VI).getOrDefault(key, key) : v;
  }

  /** The {@code js.*} texts without the prefix, for scripts. */
  Map<String, String> scriptTexts(Lang lang) {
    Map<String, String> out = new TreeMap<>();
    texts.get(Lang.VI).forEach((k, v) -> {
      if (k.startsWith("js.")) {
        out.put(k.substring(3), text(lang, k));
      }
    });
    return out;
  }
}
