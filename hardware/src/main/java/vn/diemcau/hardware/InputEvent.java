package vn.diemcau.hardware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One Linux {@code struct input_event} as read from {@code /dev/input/eventN}:
 * {@code struct timeval time; __u16 type; __u16 code; __s32 value;} in native byte order.
 * The timeval is two longs, so a record is 24 bytes on 64-bit kernels and 16 on 32-bit ones.
 */
record InputEvent(long seconds, long micros, int type, int code, int value) {

    /** {@code EV_SYN}: end of a report. */
    static final int EV_SYN = 0x00;
    /** {@code EV_KEY}: keys and buttons; value 1 = down, 0 = up, 2 = autorepeat. */
    static final int EV_KEY = 0x01;

    /** The record size of the running JVM's architecture (24 on 64-bit, 16 on 32-bit). */
    static int nativeRecordSize() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? 16 : 24;
    }

    /**
     * Decodes one record at the buffer's position (which advances by {@code recordSize}).
     *
     * @param recordSize 24 (64-bit) or 16 (32-bit)
     */
    static InputEvent decode(ByteBuffer buffer, int recordSize) {
        if (recordSize != 24 && recordSize != 16) {
            throw new IllegalArgumentException("input_event size must be 16 or 24 bytes, got " + recordSize);
        }
        if (buffer.remaining() < recordSize) {
            throw new IllegalArgumentException("need " + recordSize + " bytes, have " + buffer.remaining());
        }
        ByteBuffer in = buffer.slice(buffer.position(), recordSize).order(ByteOrder.nativeOrder());
        buffer.position(buffer.position() + recordSize);
        long seconds = recordSize == 24 ? in.getLong() : Integer.toUnsignedLong(in.getInt());
        long micros = recordSize == 24 ? in.getLong() : Integer.toUnsignedLong(in.getInt());
        int type = Short.toUnsignedInt(in.getShort());
        int code = Short.toUnsignedInt(in.getShort());
        int value = in.getInt();
        return new InputEvent(seconds, micros, type, code, value);
    }

    /** Encodes this event (for tests and tools feeding crafted events). */
    byte[] encode(int recordSize) {
        ByteBuffer out = ByteBuffer.allocate(recordSize).order(ByteOrder.nativeOrder());
        if (recordSize == 24) {
            out.putLong(seconds).putLong(micros);
        } else {
            out.putInt((int) seconds).putInt((int) micros);
        }
        out.putShort((short) type).putShort((short) code).putInt(value);
        return out.array();
    }

    boolean isKey(int keyCode) {
        return type == EV_KEY && code == keyCode;
    }
}
