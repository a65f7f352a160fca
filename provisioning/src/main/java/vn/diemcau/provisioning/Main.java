package vn.diemcau.provisioning;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diemcau-provision}: registers a box at the hub and writes its ready {@code appliance.json}
 * for the SD card (or USB stick), so the box comes up provisioned without anyone typing
 * credentials on its local page.
 *
 * <pre>
 * export DIEMCAU_HUB_TOKEN=…          # POST /api/login as an admin or technician
 * diemcau-provision --hub-api https://hub.tinh.gov.vn:8080 --broker-url ssl://hub.tinh.gov.vn:8883 \
 *     --ca-file hub-ca.pem --box-id xa-an-phu-01 --name "Xã An Phú" --commune "An Phú" --hardware PI5 \
 *     --out /media/sdcard/etc/diemcau/appliance.json
 * </pre>
 *
 * Exit codes: 0 written; 1 the hub refused or could not be reached (nothing written); 2 bad
 * arguments; 3 the output exists (nothing registered; {@code --force} replaces it).
 */
@Command(name = "diemcau-provision", mixinStandardHelpOptions = true, version = "diemcau provisioning",
        description = "Registers a room box at the diemcau hub and writes its appliance.json (mode 0600) for the SD card.")
public final class Main implements Callable<Integer> {

    private static final Pattern BOX_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern BROKER = Pattern.compile("(tcp|ssl)://[^:/\\s]+:[0-9]{1,5}");
    static final String BOX_CA_FILE = "/etc/diemcau/hub-ca.pem";

    enum Hardware { PI4, PI5, MINI_PC }

    @Spec
    CommandSpec spec;

    @Option(names = "--hub-api", required = true, description = "the hub's REST API, e.g. https://hub.tinh.gov.vn:8080")
    URI hubApi;

    @Option(names = "--token", defaultValue = "${env:DIEMCAU_HUB_TOKEN}",
            description = "bearer token from POST /api/login (default: environment DIEMCAU_HUB_TOKEN)")
    String token;

    @Option(names = "--box-id", required = true, description = "e.g. xa-an-phu-01")
    String boxId;

    @Option(names = "--name", required = true, description = "the name the centre sees, e.g. \"Xã An Phú\"")
    String name;

    @Option(names = "--commune", required = true)
    String commune;

    @Option(names = "--room", defaultValue = "", description = "e.g. \"Phòng tiếp công dân\"")
    String room;

    @Option(names = "--hardware", required = true, description = "${COMPLETION-CANDIDATES}")
    Hardware hardware;

    @Option(names = "--broker-url", required = true, description = "the hub's MQTT broker as the box reaches it, e.g. ssl://hub.tinh.gov.vn:8883")
    String brokerUrl;

    @Option(names = "--ca-file", description = "PEM CA certificate of the broker; copied next to --out as hub-ca.pem (install as " + BOX_CA_FILE + ")")
    Optional<Path> caFile;

    @Option(names = "--conference-server", description = "default conference (Janus HTTP API), e.g. https://hub.tinh.gov.vn/janus")
    Optional<String> conferenceServer;

    @Option(names = "--conference-room", defaultValue = "", description = "VideoRoom number of the default conference")
    String conferenceRoom;

    @Option(names = "--conference-pin", defaultValue = "${env:DIEMCAU_CONFERENCE_PIN}", description = "default: environment DIEMCAU_CONFERENCE_PIN")
    String conferencePin;

    @Option(names = "--new-credentials", description = "the box is already registered: issue new credentials (its old password stops working)")
    boolean newCredentials;

    @Option(names = "--out", defaultValue = "appliance.json", description = "where to write (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outText = spec.commandLine().getOut();
        if (token == null || token.isBlank()) return usage("a token is needed: --token or environment DIEMCAU_HUB_TOKEN");
        if (!BOX_ID.matcher(boxId).matches()) return usage("--box-id: 1-64 lower-case letters, digits or hyphens, was '" + boxId + "'");
        if (!BROKER.matcher(brokerUrl).matches()) return usage("--broker-url: tcp://host:port or ssl://host:port, was '" + brokerUrl + "'");
        if (conferenceServer.isPresent() != !conferenceRoom.isEmpty()) return usage("--conference-server and --conference-room go together");
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) return usage("--ca-file: cannot read " + caFile.get());
        if (Files.exists(out) && !force) {
            err.println("diemcau-provision: " + out + " exists (use --force to replace it); nothing registered");
            return 3;
        }
        HubApi hub = new HubApi(hubApi, token.strip());
        HubApi.Issued issued;
        try {
            issued = newCredentials ? hub.newCredentials(boxId)
                    : hub.register(new HubApi.Registration(boxId, name, commune, room, hardware.name()));
        } catch (HubApi.HubApiException e) {
            err.println("diemcau-provision: " + e.getMessage() + (e.status() == 409 ? " (already registered? --new-credentials issues new ones)" : ""));
            return 1;
        }
        Optional<ApplianceBundle.Session> session = conferenceServer.map(s -> new ApplianceBundle.Session(s, conferenceRoom,
                conferencePin == null ? "" : conferencePin));
        ApplianceBundle bundle = new ApplianceBundle(issued.boxId(), name, commune, room, brokerUrl, issued.username(), issued.password(),
                caFile.map(f -> BOX_CA_FILE), session);
        bundle.write(out, force);
        if (caFile.isPresent()) {
            Files.copy(caFile.get(), out.toAbsolutePath().resolveSibling("hub-ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        }
        outText.println((newCredentials ? "New credentials for " : "Registered ") + issued.boxId() + " at " + hubApi + "; wrote " + out
                + " (mode 0600, holds the box's password)" + (caFile.isPresent() ? " and hub-ca.pem" : "") + ".");
        outText.println("On the box: /etc/diemcau/appliance.json" + (caFile.isPresent() ? " and " + BOX_CA_FILE : "")
                + ", owner diemcau. It connects to " + brokerUrl + " at its next start.");
        return 0;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("diemcau-provision: " + message);
        return 2;
    }
}
