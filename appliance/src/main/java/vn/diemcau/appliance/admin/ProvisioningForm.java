package vn.diemcau.appliance.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the provisioning form field by field. Anything a browser would not send — an
 * unknown or repeated field — makes the whole form unusable; every field is checked for length and
 * characters, so nothing hostile reaches the config.
 */
final class ProvisioningForm {
    static final List<String> FIELDS = List.of("boxId", "displayName", "commune", "room", "hubUrl", "hubUsername",
            "hubPassword", "conferenceServer", "conferenceRoom", "conferencePin");
    private static final Set<String> CONTROL = Set.of("_csrf", "target");

    private static final Pattern BOX_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,()/'&#:_-]+");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern BROKER = Pattern.compile("(tcp|ssl)://(" + HOST.pattern() + "):([0-9]{1,5})");
    private static final Pattern SERVER = Pattern.compile("(http|https)://(" + HOST.pattern() + ")(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?");
    private static final Pattern USER = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern SECRET = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    private static final Pattern ROOM = Pattern.compile("[0-9]{1,18}");

    /** The values as typed (trimmed) and the error key per field. */
    record Result(Provisioning values, Map<String, String> errors, boolean malformed) {
        boolean ok() {
            return errors.isEmpty() && !malformed;
        }
    }

    private ProvisioningForm() {
    }

    /**
     * @param saved the saved values: an empty password or PIN field keeps the saved one
     */
    static Result read(WebRequest req, Provisioning saved) {
        boolean malformed = false;
        for (Map.Entry<String, List<String>> e : req.form().entrySet()) {
            if (!FIELDS.contains(e.getKey()) && !CONTROL.contains(e.getKey())) malformed = true;
            if (e.getValue().size() != 1) malformed = true;
        }
        for (String f : FIELDS) {
            if (!req.hasField(f)) malformed = true;
        }
        String hubPassword = req.field("hubPassword");
        String pin = req.field("conferencePin");
        Provisioning typed = new Provisioning(
                clip(req.field("boxId").trim()), clip(req.field("displayName").trim()), clip(req.field("commune").trim()),
                clip(req.field("room").trim()), clip(req.field("hubUrl").trim()), clip(req.field("hubUsername").trim()),
                clip(hubPassword.isEmpty() ? saved.hubPassword() : hubPassword),
                clip(req.field("conferenceServer").trim()), clip(req.field("conferenceRoom").trim()),
                clip(pin.isEmpty() ? saved.conferencePin() : pin));
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "boxId", typed.boxId(), true, BOX_ID, 64, req.field("boxId"));
        check(errors, "displayName", typed.displayName(), true, NAME, 100, req.field("displayName"));
        check(errors, "commune", typed.commune(), true, NAME, 100, req.field("commune"));
        check(errors, "room", typed.room(), false, NAME, 100, req.field("room"));
        check(errors, "hubUrl", typed.hubUrl(), true, BROKER, 255, req.field("hubUrl"));
        if (!errors.containsKey("hubUrl") && !portOk(typed.hubUrl())) errors.put("hubUrl", "prov.hubUrl.invalid");
        check(errors, "hubUsername", typed.hubUsername(), true, USER, 64, req.field("hubUsername"));
        check(errors, "hubPassword", typed.hubPassword(), true, SECRET, 128, hubPassword);
        check(errors, "conferenceServer", typed.conferenceServer(), true, SERVER, 255, req.field("conferenceServer"));
        if (!errors.containsKey("conferenceServer") && !portOk(typed.conferenceServer())) {
            errors.put("conferenceServer", "prov.conferenceServer.invalid");
        }
        check(errors, "conferenceRoom", typed.conferenceRoom(), true, ROOM, 18, req.field("conferenceRoom"));
        check(errors, "conferencePin", typed.conferencePin(), false, SECRET, 128, pin);
        return new Result(typed, errors, malformed);
    }

    private static void check(Map<String, String> errors, String field, String value, boolean required, Pattern p, int max,
                              String raw) {
        if (raw.length() > max) {
            errors.put(field, "prov.error.long");
        } else if (value.isEmpty()) {
            if (required) errors.put(field, "prov.error.required");
        } else if (!p.matcher(value).matches()) {
            errors.put(field, "prov." + field + ".invalid");
        }
    }

    private static boolean portOk(String url) {
        int colon = url.lastIndexOf(':');
        int slash = url.indexOf('/', colon < 0 ? 0 : colon);
        if (colon < 6 || url.charAt(colon + 1) == '/') return true;
        String port = url.substring(colon + 1, slash < 0 ? url.length() : slash);
        if (!port.matches("[0-9]{1,5}")) return true;
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535;
    }

    /** Keeps a too-long value inside the record's bound; the length error is reported from the raw value. */
    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
