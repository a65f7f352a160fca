package vn.diemcau.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes arrive, {@link ProtocolCodec#decode} either returns a message or throws {@link ProtocolException}. */
class ProtocolCodecFuzzTest {
    private static final List<Class<?>> TYPES = List.of(Status.class, Telemetry.class, Event.class, CommandRequest.class,
            CommandReply.class, DesiredState.class, ReportedState.class);
    private static final List<byte[]> VALID = Samples.all().stream().map(ProtocolCodec::encode).toList();

    @Property(tries = 2000)
    void decode_randomBytes_onlyThrowsProtocolException(@ForAll byte[] payload) {
        TYPES.forEach(type -> decodeQuietly(payload, type));
    }

    @Property(tries = 3000)
    void decode_mutatedValidPayload_onlyThrowsProtocolException(@ForAll("mutated") byte[] payload) {
        TYPES.forEach(type -> decodeQuietly(payload, type));
    }

    @Property(tries = 1000)
    void decode_jsonWithSwappedValues_onlyThrowsProtocolException(@ForAll("valueSwapped") String json) {
        TYPES.forEach(type -> decodeQuietly(json.getBytes(UTF_8), type));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> base = Arbitraries.of(VALID);
        return Combinators.combine(base, Arbitraries.integers().between(0, 10_000), Arbitraries.bytes(),
                Arbitraries.integers().between(0, 3)).as((bytes, pos, value, op) -> {
            byte[] copy = bytes.clone();
            int i = pos % copy.length;
            return switch (op) {
                case 0 -> { copy[i] = value; yield copy; }
                case 1 -> java.util.Arrays.copyOf(copy, i);
                case 2 -> { byte[] longer = java.util.Arrays.copyOf(copy, copy.length + 1); longer[copy.length] = value; yield longer; }
                default -> { copy[i] = copy[(i * 7 + 3) % copy.length]; yield copy; }
            };
        });
    }

    @Provide
    Arbitrary<String> valueSwapped() {
        Arbitrary<String> replacements = Arbitraries.of("null", "-1", "1e309", "\"\"", "\"x\"", "[]", "{}", "true",
                "9223372036854775808", "\"9999-99-99T00:00:00Z\"", "\"ONLINE\"", "\"join\"", "0.5", "\"\\u0000\"");
        return Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 50), replacements)
                .as((bytes, n, replacement) -> {
                    String json = new String(bytes, UTF_8);
                    // replace the n-th scalar value after a ':' with the replacement
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\"[^\"]*\"|[-0-9.eE]+|true|false|null)").matcher(json);
                    int count = 0;
                    while (m.find()) {
                        if (count++ == n % 40) return json.substring(0, m.start(1)) + replacement + json.substring(m.end(1));
                    }
                    return json;
                });
    }

    private static void decodeQuietly(byte[] payload, Class<?> type) {
        try {
            ProtocolCodec.decode(payload, type);
        } catch (ProtocolException expected) {
            // the one allowed failure
        }
    }
}
