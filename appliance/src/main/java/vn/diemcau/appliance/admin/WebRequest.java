package vn.diemcau.appliance.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the pages see it, decoupled from Jetty.
 *
 * @param headers lower-case names, first value
 * @param form    urlencoded body fields (POST only)
 */
record WebRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
                  Map<String, String> cookies, Map<String, String> headers, String remote) {

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    Optional<String> queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** A form field; empty when missing. A field sent twice counts as missing (a hostile form). */
    String field(String name) {
        List<String> v = form.get(name);
        return v == null || v.size() != 1 ? "" : v.get(0);
    }

    boolean hasField(String name) {
        List<String> v = form.get(name);
        return v != null && v.size() == 1;
    }

    boolean post() {
        return method.equals("POST");
    }
}
