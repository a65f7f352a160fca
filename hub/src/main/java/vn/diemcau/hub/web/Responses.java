package vn.diemcau.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing pages (with security headers) and the static scripts, styles and icons. */
final class Responses {
  private Responses() {}

  static void html(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
        + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
    Content.Sink.write(response, true, body, callback);
  }

  static void staticFile(String name, String ext, Response response, Callback callback) throws IOException {
    try (InputStream in = Responses.class.getResourceAsStream("/web/static/" + name)) {
      if (in == null) {
        response.setStatus(404);
        callback.succeeded();
        return;
      }
      byte[] bytes = in.readAllBytes();
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, switch (ext) {
        case "css" -> "text/css; charset=utf-8";
        case "js" -> "text/javascript; charset=utf-8";
        default -> "image/svg+xml";
      });
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
      response.write(true, ByteBuffer.wrap(bytes), callback);
    }
  }
}
