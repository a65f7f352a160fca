package vn.diemcau.appliance.config;

/** A configuration value is missing or invalid; {@link #key()} names it (dotted JSON path). */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** The dotted path of the bad key, e.g. {@code hub.brokerUrl}; {@code $} for the whole file. */
    public String key() {
        return key;
    }
}
