package vn.diemcau.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Fails when a topic, message type or field in code is missing from {@code protocol/asyncapi.yaml}. */
class AsyncApiDocumentTest {
    private static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        doc = new ObjectMapper(new YAMLFactory()).readTree(new File("asyncapi.yaml"));
    }

    @Test
    void document_isAsyncApi3() {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannel_isDocumentedWithItsAddress(Channel channel) {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).contains("diemcau/v1/box/{deviceId}/" + channel.segment());
        String key = channel.segment();
        assertThat(doc.path("channels").path(key).path("description").asText())
                .as("channel %s says who publishes", key).contains(channel.fromBox() ? "Box → hub" : "Hub → box");
    }

    @ParameterizedTest
    @MethodSource("topLevelMessages")
    void everyTopLevelMessage_hasAMessageEntry(Class<?> type) {
        assertThat(doc.path("components").path("messages").has(type.getSimpleName())).as(type.getSimpleName()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyRecord_hasASchemaListingItsFieldsAndRequiredOnes(Class<?> type) {
        JsonNode schema = doc.path("components").path("schemas").path(type.getSimpleName());
        assertThat(schema.isMissingNode()).as("schema for %s", type.getSimpleName()).isFalse();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(schema.path("properties").has(component.getName()))
                    .as("%s.%s documented", type.getSimpleName(), component.getName()).isTrue();
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            JsonProperty onField = fieldAnnotation(type, component.getName());
            if ((property != null && property.required()) || (onField != null && onField.required())) {
                assertThat(required).as("%s.%s listed as required", type.getSimpleName(), component.getName()).contains(component.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("subtypeNames")
    void everyEventAndCommandType_hasItsDiscriminatorValue(String schemaName, String typeName) {
        JsonNode schema = doc.path("components").path("schemas").path(schemaName);
        assertThat(schema.path("properties").path("type").path("const").asText()).as(schemaName).isEqualTo(typeName);
    }

    static Stream<Class<?>> topLevelMessages() {
        return Stream.of(Status.class, Telemetry.class, Event.class, CommandRequest.class, CommandReply.class,
                DesiredState.class, ReportedState.class);
    }

    static Stream<Class<?>> records() {
        return Stream.of(Status.class, Birth.class, Telemetry.class, SystemHealth.class, Throttling.class, Network.class,
                Peripherals.class, CallInfo.class, MediaStats.class, CommandRequest.class, CommandReply.class,
                DesiredState.class, UpcomingSession.class, ReportedState.class, BoxConfig.class,
                Event.ButtonPressed.class, Event.CallStateChanged.class, Event.PeripheralLost.class, Event.PeripheralFound.class,
                Event.ErrorOccurred.class, Event.EventsDropped.class,
                Command.Join.class, Command.Leave.class, Command.RestartMedia.class, Command.Reboot.class,
                Command.ApplyConfig.class, Command.Snapshot.class, Command.SelfTest.class, Command.Identify.class,
                Command.CollectLogs.class);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> subtypeNames() {
        return Stream.of(Event.class, Command.class)
                .flatMap(parent -> Stream.of(parent.getAnnotation(JsonSubTypes.class).value()))
                .map(t -> org.junit.jupiter.params.provider.Arguments.of(t.value().getSimpleName(), t.name()));
    }

    @Test
    void sealedHierarchies_areFullyRegisteredForJson() {
        for (Class<?> parent : List.of(Event.class, Command.class)) {
            assertThat(Stream.of(parent.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::value))
                    .containsExactlyInAnyOrder(parent.getPermittedSubclasses());
        }
    }

    private static JsonProperty fieldAnnotation(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
