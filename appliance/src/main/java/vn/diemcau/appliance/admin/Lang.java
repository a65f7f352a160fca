package vn.diemcau.appliance.admin;

import java.util.Locale;
import java.util.ResourceBundle;

/** The page languages: Vietnamese (default) and English, from {@code admin/messages_vi|en.properties}. */
enum Lang {
    VI("vi"), EN("en");

    static final String COOKIE = "diemcau_lang";

    final String code;
    private final ResourceBundle bundle;

    Lang(String code) {
        this.code = code;
        this.bundle = ResourceBundle.getBundle("admin.messages", Locale.forLanguageTag(code),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Lang of(WebRequest req) {
        return req.cookie(COOKIE).filter("en"::equals).map(c -> EN).orElse(VI);
    }

    Lang other() {
        return this == VI ? EN : VI;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}... replaced; the key itself if missing. */
    String t(String key, Object... args) {
        String s = bundle.containsKey(key) ? bundle.getString(key) : key;
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    /** Vietnamese and English together, for error pages anyone may see. */
    static String both(String key, Object... args) {
        return VI.t(key, args) + " / " + EN.t(key, args);
    }
}
