package vn.diemcau.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolCodecTest {

    static Stream<Object> messages() {
        return Samples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodeThenDecode_anyMessage_givesEqualMessage(Object message) {
        byte[] json = ProtocolCodec.encode(message);
        assertThat(ProtocolCodec.decode(json, Samples.wireType(message))).isEqualTo(message);
        assertThat(ProtocolCodec.tree(json).get("schema").asInt()).isEqualTo(1);
    }

    @Test
    void decode_unknownFields_areIgnored() {
        String json = "{\"schema\":1,\"seq\":9,\"at\":\"2026-11-30T03:00:00Z\",\"type\":\"button_pressed\","
                + "\"button\":\"join\",\"longPress\":true,\"futureField\":{\"x\":[1,2]}}";
        assertThat(ProtocolCodec.decode(json.getBytes(UTF_8), Event.class))
                .isEqualTo(new Event.ButtonPressed(9, java.time.Instant.parse("2026-11-30T03:00:00Z"), "join", true));
    }

    @Test
    void decode_missingRequiredField_namesIt() {
        String json = "{\"schema\":1,\"commandId\":\"c-1\",\"at\":\"2026-11-30T03:00:00Z\"}";
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), CommandReply.class))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.stage");
    }

    @Test
    void decode_missingPrimitive_namesIt() {
        String json = "{\"schema\":1,\"version\":2,\"at\":\"2026-11-30T03:00:00Z\",\"config\":{\"displayName\":\"X\",\"commune\":\"Y\",\"videoWidth\":1280,"
                + "\"videoHeight\":720,\"videoFps\":30,\"videoBitrateKbps\":1500}}";
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), DesiredState.class))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.config.telemetryIntervalSeconds");
    }

    @Test
    void decode_invalidNestedValue_namesItsPath() {
        Telemetry t = Samples.telemetry();
        String json = new String(ProtocolCodec.encode(t), UTF_8).replace("\"cpuPercent\":17.5", "\"cpuPercent\":170.0");
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), Telemetry.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("between 0.0 and 100.0")
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.system.cpuPercent");
    }

    @Test
    void decode_wrongType_namesField() {
        String json = "{\"schema\":1,\"id\":\"c-1\",\"issuedAt\":\"2026-11-30T03:00:00Z\",\"expiresAt\":\"2026-11-30T03:01:00Z\","
                + "\"issuedBy\":\"admin\",\"command\":{\"type\":\"identify\",\"seconds\":\"thirty\"}}";
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), CommandRequest.class))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.command.seconds");
    }

    @Test
    void decode_unknownCommandType_isRejected() {
        String json = "{\"schema\":1,\"id\":\"c-1\",\"issuedAt\":\"2026-11-30T03:00:00Z\",\"expiresAt\":\"2026-11-30T03:01:00Z\","
                + "\"issuedBy\":\"admin\",\"command\":{\"type\":\"format_disk\"}}";
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), CommandRequest.class))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.command.type");
    }

    @Test
    void decode_otherSchemaOrNone_isRejected() {
        assertThatThrownBy(() -> ProtocolCodec.decode("{\"schema\":2}".getBytes(UTF_8), Status.class))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unsupported schema 2");
        assertThatThrownBy(() -> ProtocolCodec.decode("{}".getBytes(UTF_8), Status.class))
                .isInstanceOf(ProtocolException.class).extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.schema");
    }

    @Test
    void decode_overSizeLimit_isRejectedBeforeParsing() {
        byte[] big = new byte[ProtocolCodec.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> ProtocolCodec.decode(big, Status.class))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("over the 65536-byte limit");
    }

    @Test
    void decode_nonObjectsAndGarbage_areRejected() {
        for (String bad : new String[] {"[]", "42", "\"x\"", "null", "{", "{\"schema\":1}{}", "\u0000\u0001"}) {
            assertThatThrownBy(() -> ProtocolCodec.decode(bad.getBytes(UTF_8), Telemetry.class))
                    .as(bad).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void onlineStatus_withoutBirth_isRejected() {
        String json = "{\"schema\":1,\"presence\":\"ONLINE\",\"at\":\"2026-11-30T03:00:00Z\",\"bootId\":\"b\"}";
        assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8), Status.class))
                .isInstanceOf(ProtocolException.class).extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.birth");
    }

    @Test
    void joinToString_hidesPin() {
        assertThat(Samples.join().toString()).doesNotContain("4321").contains("***");
    }

    @Test
    void decode_reportedStateFromAnOlderBox_isNotMuted() {
        String json = "{\"schema\":1,\"appliedConfigVersion\":3,\"at\":\"2026-11-30T03:00:00Z\",\"call\":\"IN_CALL\",\"room\":\"1234\"}";
        assertThat(ProtocolCodec.decode(json.getBytes(UTF_8), ReportedState.class).muted()).isFalse();
        String muted = json.replace("}", ",\"muted\":true}");
        assertThat(ProtocolCodec.decode(muted.getBytes(UTF_8), ReportedState.class).muted()).isTrue();
    }

    private static final String JOIN_REQUEST = "{\"schema\":1,\"id\":\"c-1\",\"issuedAt\":\"2026-11-30T03:00:00Z\","
            + "\"expiresAt\":\"2026-11-30T03:01:00Z\",\"issuedBy\":\"admin\",\"command\":{\"type\":\"join\","
            + "\"conferenceUrl\":\"http://10.0.0.5:8088/janus\",\"room\":\"1234\",\"pin\":\"\",\"displayName\":\"Xã An Phú\"";

    private static Command.Join decodeJoin(String extraFields) {
        String json = JOIN_REQUEST + extraFields + "}}";
        return (Command.Join) ProtocolCodec.decode(json.getBytes(UTF_8), CommandRequest.class).command();
    }

    @Test
    void decode_joinFromAnOlderHub_leavesTheViewToTheBox() {
        Command.Join j = decodeJoin("");
        assertThat(j.view()).isEmpty();
        assertThat(j.centre()).isEmpty();
        assertThat(j).isEqualTo(new Command.Join(java.net.URI.create("http://10.0.0.5:8088/janus"), "1234", "", "Xã An Phú"));
        assertThat(decodeJoin(",\"view\":null,\"centre\":null").view()).isEmpty();
    }

    @Test
    void encode_joinWithoutView_omitsTheFields_soAnOlderBoxSeesTheSameJson() {
        String json = new String(ProtocolCodec.encode(Samples.join()), UTF_8);
        assertThat(json).doesNotContain("view").doesNotContain("centre");
    }

    @Test
    void decode_joinWithView_readsItAndTheCentre() {
        Command.Join j = decodeJoin(",\"view\":\"ALL\",\"centre\":\"Trung tâm tỉnh\"");
        assertThat(j.view()).contains(ConferenceView.ALL);
        assertThat(j.centre()).contains("Trung tâm tỉnh");
        assertThat(decodeJoin(",\"view\":\"centre\"").view()).contains(ConferenceView.CENTRE);
        assertThat(new String(ProtocolCodec.encode(j), UTF_8)).contains("\"view\":\"ALL\"").contains("\"centre\":\"Trung tâm tỉnh\"");
    }

    @Test
    void decode_joinWithJunkView_isRejectedNamingTheFieldAndTheChoices() {
        for (String junk : new String[] {"\"everyone\"", "\"\"", "1", "true", "[\"ALL\"]", "{}"}) {
            assertThatThrownBy(() -> decodeJoin(",\"view\":" + junk))
                    .as(junk).isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.command.view");
        }
        assertThatThrownBy(() -> decodeJoin(",\"view\":\"everyone\""))
                .hasMessageContaining("'everyone' is not a view: use CENTRE (the centre only) or ALL (all rooms)");
    }

    @Test
    void decode_joinWithBadCentre_isRejectedNamingIt() {
        for (String bad : new String[] {"\"\"", "\"  \"", "\"" + "x".repeat(101) + "\""}) {
            assertThatThrownBy(() -> decodeJoin(",\"centre\":" + bad))
                    .as(bad).isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$.command.centre");
        }
    }

    @Test
    void decode_reportedStateFromAnOlderBox_hasNoView() {
        String json = "{\"schema\":1,\"appliedConfigVersion\":3,\"at\":\"2026-11-30T03:00:00Z\",\"call\":\"IN_CALL\"}";
        assertThat(ProtocolCodec.decode(json.getBytes(UTF_8), ReportedState.class).view()).isEmpty();
        String all = json.replace("}", ",\"view\":\"ALL\"}");
        assertThat(ProtocolCodec.decode(all.getBytes(UTF_8), ReportedState.class).view()).contains(ConferenceView.ALL);
    }
}
