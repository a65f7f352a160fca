package vn.diemcau.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The config's {@code admin} subtree: where the box's local admin page listens.
 *
 * <pre>{@code
 * "admin": {"enabled": true, "bindAddresses": ["0.0.0.0"], "httpsPort": 8443, "httpPort": 8080}
 * }</pre>
 *
 * @param enabled       whether the page runs at all (default true)
 * @param bindAddresses interfaces to listen on (default every interface)
 * @param httpsPort     HTTPS port, 0 = any free port (default 8443)
 * @param httpPort      plain HTTP port that only redirects to HTTPS, -1 = none (default 8080)
 */
public record AdminConfig(boolean enabled, List<String> bindAddresses, int httpsPort, int httpPort) {

    public AdminConfig {
        bindAddresses = List.copyOf(bindAddresses);
        if (bindAddresses.isEmpty()) throw new ConfigException("admin.bindAddresses", "must name at least one address");
        for (String a : bindAddresses) {
            if (a.isBlank()) throw new ConfigException("admin.bindAddresses", "must not contain a blank address");
        }
        if (httpsPort < 0 || httpsPort > 65535) throw new ConfigException("admin.httpsPort", "must be 0..65535, was " + httpsPort);
        if (httpPort < -1 || httpPort > 65535) throw new ConfigException("admin.httpPort", "must be -1..65535, was " + httpPort);
        if (httpsPort != 0 && httpsPort == httpPort) {
            throw new ConfigException("admin.httpPort", "must differ from admin.httpsPort, both were " + httpsPort);
        }
    }

    public static AdminConfig defaults() {
        return new AdminConfig(true, List.of("0.0.0.0"), 8443, 8080);
    }

    /** Parses the {@code admin} object (missing keys keep {@link #defaults()}). */
    static AdminConfig parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return defaults();
        if (!node.isObject()) throw new ConfigException("admin", "must be an object");
        AdminConfig d = defaults();
        boolean enabled = d.enabled();
        JsonNode e = node.get("enabled");
        if (e != null && !e.isNull()) {
            if (!e.isBoolean()) throw new ConfigException("admin.enabled", "must be true or false, was " + e);
            enabled = e.asBoolean();
        }
        List<String> addresses = d.bindAddresses();
        JsonNode b = node.get("bindAddresses");
        if (b != null && !b.isNull()) {
            if (!b.isArray()) throw new ConfigException("admin.bindAddresses", "must be an array of strings, was " + b);
            List<String> list = new ArrayList<>();
            for (JsonNode a : b) {
                if (!a.isTextual()) throw new ConfigException("admin.bindAddresses", "must be an array of strings, was " + b);
                list.add(a.asText().strip());
            }
            addresses = list;
        }
        return new AdminConfig(enabled, addresses, port(node, "httpsPort", d.httpsPort()), port(node, "httpPort", d.httpPort()));
    }

    private static int port(JsonNode node, String key, int fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new ConfigException("admin." + key, "must be an integer, was " + v);
        return v.asInt();
    }
}
