package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a page answers: status, headers, cookies and either bytes or a stream writer. */
final class WebResponse {

    /** Writes a streamed body (downloads, Server-Sent Events); flushes as it goes. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    final int status;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> setCookies = new ArrayList<>();
    final byte[] bytes;
    final Optional<Body> stream;

    private WebResponse(int status, String contentType, byte[] bytes, Optional<Body> stream) {
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
        this.stream = stream;
    }

    static WebResponse html(int status, String html) {
        return new WebResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    static WebResponse html(String html) {
        return html(200, html);
    }

    static WebResponse bytes(String type, byte[] body) {
        return new WebResponse(200, type, body, Optional.empty());
    }

    static WebResponse json(int status, String json) {
        return new WebResponse(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    static WebResponse stream(String type, Body body) {
        return new WebResponse(200, type, new byte[0], Optional.of(body));
    }

    /** 303 See Other: after a POST the browser GETs {@code location}. */
    static WebResponse redirect(String location) {
        WebResponse r = new WebResponse(303, "text/plain; charset=utf-8", new byte[0], Optional.empty());
        r.headers.put("Location", location);
        return r;
    }

    WebResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    WebResponse cookie(String setCookie) {
        setCookies.add(setCookie);
        return this;
    }
}
