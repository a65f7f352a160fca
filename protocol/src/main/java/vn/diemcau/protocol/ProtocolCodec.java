package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON codec of protocol v1. Every payload is a JSON object carrying {@code "schema": 1};
 * unknown fields are ignored; anything wrong — malformed JSON, a wrong type, a missing or
 * invalid field, another schema, more than {@link #MAX_PAYLOAD_BYTES} — ends as one
 * {@link ProtocolException} naming the field. Nothing else escapes {@link #decode}.
 */
public final class ProtocolCodec {
    /** The schema version this codec writes and reads. */
    public static final int SCHEMA = 1;
    /** Largest JSON payload accepted or produced. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Largest {@link Channel#SNAPSHOT} JPEG. */
    public static final int MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024;
    /** The largest log text a box sends on {@link Channel#LOGS} (it drops the oldest lines to fit). */
    public static final int MAX_LOG_BYTES = 256 * 1024;

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(MAX_PAYLOAD_BYTES).maxNumberLength(64).build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private ProtocolCodec() {
    }

    /** Encodes a message record as JSON with the schema version. */
    public static byte[] encode(Object message) {
        if (message == null) throw new ProtocolException("$", "message is required");
        JsonNode tree = MAPPER.valueToTree(message);
        if (!(tree instanceof ObjectNode fields)) throw new ProtocolException("$", message.getClass().getSimpleName() + " does not encode as a JSON object");
        ObjectNode out = MAPPER.createObjectNode().put("schema", SCHEMA);
        out.setAll(fields);
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(out);
        } catch (JacksonException e) {
            throw new ProtocolException("$", "cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new ProtocolException("$", "encoded payload is " + bytes.length + " bytes, over the " + MAX_PAYLOAD_BYTES + "-byte limit");
        }
        return bytes;
    }

    /** Decodes a payload into {@code type}; throws only {@link ProtocolException}. */
    public static <T> T decode(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) throw new ProtocolException("$", "payload is empty");
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new ProtocolException("$", "payload is " + payload.length + " bytes, over the " + MAX_PAYLOAD_BYTES + "-byte limit");
        }
        try {
            JsonNode tree = MAPPER.readTree(payload);
            if (!(tree instanceof ObjectNode object)) throw new ProtocolException("$", "payload is not a JSON object");
            JsonNode schema = object.get("schema");
            if (schema == null || schema.isNull()) throw new ProtocolException("$.schema", "is required");
            if (!schema.isIntegralNumber() || schema.asLong() != SCHEMA) {
                throw new ProtocolException("$.schema", "unsupported schema " + Check.abbreviate(schema.toString()) + " (this side speaks " + SCHEMA + ")");
            }
            object.remove("schema");
            T value = MAPPER.treeToValue(object, type);
            if (value == null) throw new ProtocolException("$", "payload decodes to nothing");
            return value;
        } catch (ProtocolException e) {
            throw e;
        } catch (JacksonException e) {
            throw translate(e);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            throw new ProtocolException("$", "cannot decode " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** Reads the JSON tree of a payload that is known to be valid (for tools and tests). */
    public static JsonNode tree(byte[] payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw translate(e);
        } catch (java.io.IOException e) {
            throw new ProtocolException("$", e.toString(), e);
        }
    }

    private static ProtocolException translate(JacksonException e) {
        String path = "$";
        if (e instanceof JsonMappingException mapping) path = jsonPath(mapping);
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ProtocolException inner) {
                String field = inner.field().startsWith("$") ? inner.field().substring(1) : "." + inner.field();
                return new ProtocolException(path + field, inner.getMessage().substring(inner.field().length() + 2), e);
            }
        }
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        if (e instanceof InvalidTypeIdException) return new ProtocolException(path + ".type", firstLine(message), e);
        if (message.startsWith("Missing required creator property")) {
            Matcher m = QUOTED.matcher(message);
            if (m.find()) {
                String field = path.endsWith("." + m.group(1)) ? path : path + "." + m.group(1);
                return new ProtocolException(field, "is required", e);
            }
        }
        return new ProtocolException(path, firstLine(message), e);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) path.append('.').append(ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return Check.abbreviate(nl < 0 ? message : message.substring(0, nl));
    }
}
