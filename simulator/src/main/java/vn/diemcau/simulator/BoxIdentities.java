package vn.diemcau.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.protocol.DeviceId;

/**
 * Makes lists of {@link BoxIdentity}: numbered ids with a password pattern, or ids and passwords
 * read from a CSV or JSON file.
 */
public final class BoxIdentities {

    /** The placeholder a password pattern replaces with the box id. */
    public static final String ID_PLACEHOLDER = "{id}";

    private BoxIdentities() {
    }

    /**
     * {@code count} boxes named {@code prefix} + a zero-padded number starting at 1
     * ({@code sim-0001}, {@code sim-0002}, ...).
     *
     * @param passwordPattern a password for every box, where {@value #ID_PLACEHOLDER} stands for the
     *                        box id (e.g. {@code "pw-{id}"}); empty for brokers without passwords
     */
    public static List<BoxIdentity> numbered(String prefix, int count, Optional<String> passwordPattern) {
        return numbered(prefix, 1, count, passwordPattern);
    }

    /** Like {@link #numbered(String, int, Optional)} but numbering from {@code first}. */
    public static List<BoxIdentity> numbered(String prefix, int first, int count, Optional<String> passwordPattern) {
        if (count < 0 || first < 0) {
            throw new IllegalArgumentException("box count and first number must be ≥ 0: " + count + ", " + first);
        }
        int width = Math.max(4, String.valueOf(first + count - 1L).length());
        List<BoxIdentity> boxes = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String id = prefix + String.format(Locale.ROOT, "%0" + width + "d", i);
            boxes.add(new BoxIdentity(DeviceId.of(id), passwordPattern.map(p -> p.replace(ID_PLACEHOLDER, id))));
        }
        return List.copyOf(boxes);
    }

    /**
     * Reads boxes from a file: {@code .json} holds either an array of {@code {"id": ..., "password": ...}}
     * objects or an object mapping ids to passwords; any other file is CSV with lines
     * {@code id,password} (an optional header line starting with {@code id,}; {@code #} comments).
     */
    public static List<BoxIdentity> fromFile(Path file) {
        try {
            String text = Files.readString(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? fromJson(text, file)
                    : fromCsv(text, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read box credentials from " + file, e);
        }
    }

    static List<BoxIdentity> fromCsv(String text, Path file) {
        List<BoxIdentity> boxes = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || (n == 0 && line.toLowerCase(Locale.ROOT).startsWith("id,"))) {
                continue;
            }
            String[] parts = line.split(",", 2);
            String password = parts.length > 1 ? parts[1].strip() : "";
            boxes.add(new BoxIdentity(parseId(parts[0].strip(), file, n + 1),
                    password.isEmpty() ? Optional.empty() : Optional.of(password)));
        }
        return List.copyOf(boxes);
    }

    static List<BoxIdentity> fromJson(String text, Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(text);
        List<BoxIdentity> boxes = new ArrayList<>();
        if (root != null && root.isArray()) {
            int n = 0;
            for (JsonNode entry : root) {
                n++;
                JsonNode id = entry.get("id");
                if (id == null || !id.isTextual()) {
                    throw new IllegalArgumentException(file + ": entry " + n + " has no text field \"id\"");
                }
                JsonNode password = entry.get("password");
                boxes.add(new BoxIdentity(parseId(id.asText(), file, n),
                        password == null || password.isNull() ? Optional.empty() : Optional.of(password.asText())));
            }
        } else if (root != null && root.isObject()) {
            int n = 0;
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                n++;
                boxes.add(new BoxIdentity(parseId(entry.getKey(), file, n), Optional.of(entry.getValue().asText())));
            }
        } else {
            throw new IllegalArgumentException(file + ": expected a JSON array or object of box credentials");
        }
        return List.copyOf(boxes);
    }

    private static DeviceId parseId(String id, Path file, int entry) {
        try {
            return DeviceId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": entry " + entry + ": invalid box id '" + id + "'", e);
        }
    }
}
