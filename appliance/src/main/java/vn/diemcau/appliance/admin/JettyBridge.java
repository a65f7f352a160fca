package vn.diemcau.appliance.admin;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty ↔ {@link AdminApp}: plain HTTP gets a redirect to HTTPS; HTTPS requests become
 * {@link WebRequest}s (forms capped at {@value #MAX_FIELDS} fields and {@value #MAX_FORM_BYTES}
 * bytes); every answer carries the security headers; any failure becomes the bilingual error page.
 */
final class JettyBridge extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(JettyBridge.class);
    static final int MAX_FIELDS = 40;
    static final int MAX_FORM_BYTES = 32 * 1024;
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private final AdminApp app;
    private final IntSupplier httpsPort;

    JettyBridge(AdminApp app, IntSupplier httpsPort) {
        this.app = app;
        this.httpsPort = httpsPort;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return h;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        if (!request.isSecure()) {
            String host = Request.getServerName(request);
            if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
            String target = "https://" + host + ":" + httpsPort.getAsInt() + request.getHttpURI().getPathQuery();
            Response.sendRedirect(request, response, callback, 301, target, false);
            return true;
        }
        WebResponse res;
        try {
            res = app.handle(toWebRequest(request));
        } catch (FormTooBig e) {
            res = WebResponse.html(413, Layout.errorPage(413, "error.toobig"));
        } catch (RuntimeException e) {
            log.warn("Admin page {} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            res = WebResponse.html(500, Layout.errorPage(500, "error.internal"));
        }
        write(request, response, callback, res);
        return true;
    }

    private static void write(Request request, Response response, Callback callback, WebResponse res) {
        response.setStatus(res.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, res.contentType);
        if (!res.headers.containsKey("Cache-Control")) response.getHeaders().put("Cache-Control", "no-store");
        res.headers.forEach((k, v) -> response.getHeaders().put(k, v));
        res.setCookies.forEach(c -> response.getHeaders().add(HttpHeader.SET_COOKIE, c));
        if (res.stream.isEmpty()) {
            response.write(true, ByteBuffer.wrap(res.bytes), callback);
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            res.stream.get().write(out);
            callback.succeeded();
        } catch (Exception e) {
            log.debug("Admin page stream {} ended: {}", Request.getPathInContext(request), e.toString());
            callback.failed(e);
        }
    }

    private static WebRequest toWebRequest(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) headers.putIfAbsent(f.getLowerCaseName(), f.getValue());
        if (!headers.containsKey("host") && request.getHttpURI().getAuthority() != null) {
            headers.put("host", request.getHttpURI().getAuthority());
        }
        Map<String, String> cookies = new HashMap<>();
        for (HttpCookie c : Request.getCookies(request)) cookies.putIfAbsent(c.getName(), c.getValue());
        Map<String, List<String>> form = Map.of();
        if (HttpMethod.POST.is(request.getMethod())) {
            long length = request.getLength();
            if (length > MAX_FORM_BYTES) throw new FormTooBig();
            String type = headers.getOrDefault("content-type", "");
            if (type.startsWith("application/x-www-form-urlencoded")) {
                try {
                    form = toMap(FormFields.getFields(request, MAX_FIELDS, MAX_FORM_BYTES));
                } catch (RuntimeException e) {
                    throw new FormTooBig();
                }
            }
        }
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            query = Fields.EMPTY;
        }
        return new WebRequest(request.getMethod(), Request.getPathInContext(request), toMap(query), form, cookies, headers,
                Request.getRemoteAddr(request));
    }

    private static Map<String, List<String>> toMap(Fields fields) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Fields.Field f : fields) m.put(f.getName(), List.copyOf(f.getValues()));
        return m;
    }

    /** Renders Jetty's own errors (bad URI, bad headers) as the bilingual error page, never a stack trace. */
    static Request.Handler errorHandler() {
        return (request, response, callback) -> {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            String key = status == 404 ? "error.notfound" : status < 500 ? "error.badrequest" : "error.internal";
            response.write(true, ByteBuffer.wrap(Layout.errorPage(status, key).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        };
    }

    /** The form exceeded {@link #MAX_FIELDS} or {@link #MAX_FORM_BYTES} or could not be decoded. */
    private static final class FormTooBig extends RuntimeException {
        FormTooBig() {
            super("form too big or malformed", null, false, false);
        }
    }
}
