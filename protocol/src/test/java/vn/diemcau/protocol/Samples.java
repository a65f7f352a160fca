package vn.diemcau.protocol;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One valid instance of every message type of protocol v1. */
final class Samples {
    static final DeviceId BOX = DeviceId.of("xa-an-phu-01");
    static final Instant AT = Instant.parse("2026-11-30T03:00:00.123Z");

    private Samples() {
    }

    static Birth birth() {
        return new Birth("0.1.0", "Raspberry Pi 5 Model B Rev 1.0", Set.of("camera", "microphone", "gpio"), 7, AT.minusSeconds(60));
    }

    static Telemetry telemetry() {
        SystemHealth health = new SystemHealth(0.42, 17.5, Optional.of(51.2), 8_000_000_000L, 6_000_000_000L,
                64_000_000_000L, 40_000_000_000L, 3600, Throttling.fromFirmwareBits(0x50005), new Network("eth0", "10.0.0.7", 123, 456));
        return new Telemetry(AT, health, new Peripherals(true, true, false),
                new CallInfo(CallState.IN_CALL, Optional.of("1234"), Optional.of(480L)),
                Optional.of(new MediaStats(1480.5, 29.9, 0.2, 4.5, 12.0)));
    }

    static Command.Join join() {
        return new Command.Join(URI.create("http://10.0.0.5:8088/janus"), "1234", "4321", "Xã An Phú");
    }

    /** A join that designates every room's feed and names the centre. */
    static Command.Join joinAll() {
        return new Command.Join(URI.create("http://10.0.0.5:8088/janus"), "1234", "", "Xã An Phú",
                Optional.of(ConferenceView.ALL), Optional.of("Trung tâm tỉnh"));
    }

    static BoxConfig config() {
        return new BoxConfig("Xã An Phú", "An Phú", 10, 1280, 720, 30, 1500);
    }

    /** Every message of the protocol, one each, covering every subtype. */
    static List<Object> all() {
        return List.of(
                Status.online(AT, "boot-1", birth()),
                Status.offline(AT, "boot-1"),
                telemetry(),
                new Telemetry(AT, telemetry().system(), new Peripherals(false, false, false), CallInfo.idle(), Optional.empty()),
                new Event.ButtonPressed(1, AT, "join", false),
                new Event.CallStateChanged(2, AT, CallState.JOINING, CallState.IN_CALL, Optional.of("1234"), Optional.empty(), Optional.of(480L)),
                new Event.PeripheralLost(3, AT, Peripheral.CAMERA, "HD Pro Webcam C920"),
                new Event.PeripheralFound(4, AT, Peripheral.MICROPHONE, "USB PnP Sound Device"),
                new Event.ErrorOccurred(5, AT, "conference_unreachable", "Janus did not answer within 5 s"),
                new Event.EventsDropped(6, AT, 12),
                new CommandRequest("c-1", AT, AT.plusSeconds(60), "admin", join()),
                new CommandRequest("c-9", AT, AT.plusSeconds(60), "admin", joinAll()),
                new CommandRequest("c-2", AT, AT.plusSeconds(60), "admin", new Command.Leave()),
                new CommandRequest("c-3", AT, AT.plusSeconds(60), "admin", new Command.RestartMedia()),
                new CommandRequest("c-4", AT, AT.plusSeconds(60), "admin", new Command.Reboot()),
                new CommandRequest("c-5", AT, AT.plusSeconds(60), "admin", new Command.ApplyConfig(8, config())),
                new CommandRequest("c-6", AT, AT.plusSeconds(60), "admin", new Command.Snapshot()),
                new CommandRequest("c-7", AT, AT.plusSeconds(60), "admin", new Command.SelfTest()),
                new CommandRequest("c-8", AT, AT.plusSeconds(60), "operator-1", new Command.Identify(30)),
                new CommandRequest("c-10", AT, AT.plusSeconds(60), "technician-1", new Command.CollectLogs(300)),
                CommandReply.of("c-1", ReplyStage.ACCEPTED, AT),
                CommandReply.of("c-1", ReplyStage.REJECTED, AT, "expired"),
                new CommandReply("c-7", ReplyStage.SUCCEEDED, AT, Optional.empty(), Map.of("camera", "pass", "microphone", "pass")),
                CommandReply.of("c-1", ReplyStage.FAILED, AT, "wrong room PIN"),
                new DesiredState(3, AT, Optional.of(join()), Optional.of(config())),
                new DesiredState(4, AT, Optional.empty(), Optional.empty(),
                        Optional.of(new UpcomingSession("Tiếp công dân định kỳ tháng 12", AT.plusSeconds(86_400)))),
                new DesiredState(5, AT, Optional.of(joinAll()), Optional.empty()),
                new DesiredState(4, AT, Optional.empty(), Optional.empty()),
                new ReportedState(8, AT, CallState.IN_CALL, Optional.of("1234"), Optional.empty(), true),
                new ReportedState(8, AT, CallState.IN_CALL, Optional.of("1234"), Optional.empty(), false, Optional.of(ConferenceView.ALL)),
                new ReportedState(8, AT, CallState.ERROR, Optional.empty(), Optional.of("room not found"), false));
    }

    /** The type to decode a sample as (the sealed parent for events). */
    static Class<?> wireType(Object message) {
        return message instanceof Event ? Event.class : message.getClass();
    }
}
