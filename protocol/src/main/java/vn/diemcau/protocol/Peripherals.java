package vn.diemcau.protocol;

/** Whether the room's camera, microphone and speaker are present. */
public record Peripherals(boolean camera, boolean microphone, boolean speaker) {
}
