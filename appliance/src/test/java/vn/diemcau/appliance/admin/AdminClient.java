package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A browser-like HTTPS client for the admin page that trusts exactly the box's self-signed certificate. */
public final class AdminClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final HttpClient http;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final String base;

    public AdminClient(Path adminDir, int port) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        String pass = Files.readString(adminDir.resolve("https.pass")).strip();
        try (InputStream in = Files.newInputStream(adminDir.resolve("https.p12"))) {
            ks.load(in, pass.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("box", ks.getCertificate(SelfSignedCertificate.ALIAS));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(ssl).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.base = "https://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return postRaw(path, encode(form), Map.of());
    }

    HttpResponse<String> postRaw(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on {@code path}. */
    public String csrf(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        Matcher m = CSRF.matcher(r.body());
        if (!m.find()) throw new AssertionError("no CSRF token on " + path + " (status " + r.statusCode() + ")");
        return m.group(1);
    }

    /** Posts {@code form} with the CSRF token of the page at {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("_csrf", csrf(formPage));
        return post(action, f);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
