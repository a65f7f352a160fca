package vn.diemcau.appliance;

/** Config files for integration tests and benchmarks. */
public final class ApplianceConfigs {

    private ApplianceConfigs() {
    }

    /** A devMode config: conference {@code none}, virtual hardware, fast reconnects, default session room 1234. */
    public static String devJson(String boxId, String brokerUrl, String password) {
        return """
                {
                  "boxId": "%s",
                  "displayName": "Xã An Phú",
                  "commune": "An Phú",
                  "devMode": true,
                  "telemetryIntervalSeconds": 2,
                  "hub": {"brokerUrl": "%s", "password": "%s", "keepAliveSeconds": 5,
                          "reconnectMinMillis": 200, "reconnectMaxMillis": 1000},
                  "conference": {"kind": "none",
                                 "defaultSession": {"server": "http://10.99.0.1:8088/janus", "room": "1234"}},
                  "hardware": {"profile": "virtual"},
                  "media": {}
                }
                """.formatted(boxId, brokerUrl, password);
    }
}
