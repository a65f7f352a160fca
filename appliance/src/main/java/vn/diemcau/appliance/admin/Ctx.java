package vn.diemcau.appliance.admin;

/** One request in its session and language, with the helpers every page uses. */
record Ctx(WebRequest req, Lang lang, Sessions.Session session, String boxName) {

    static String sessionCookie(String id) {
        return Sessions.COOKIE + "=" + id + "; Path=/; HttpOnly; Secure; SameSite=Strict";
    }

    String t(String key, Object... args) {
        return lang.t(key, args);
    }

    /** A page with navigation. */
    WebResponse page(String titleKey, String body) {
        return page(200, titleKey, body);
    }

    WebResponse page(int status, String titleKey, String body) {
        return WebResponse.html(status, Layout.page(lang, req.path(), titleKey, session.csrf(), true, boxName, body));
    }

    /** A page without navigation (login, first run). */
    WebResponse bare(int status, String titleKey, String body) {
        return WebResponse.html(status, Layout.page(lang, req.path(), titleKey, session.csrf(), false, boxName, body));
    }

    String csrfField() {
        return Layout.csrfField(session.csrf());
    }
}
