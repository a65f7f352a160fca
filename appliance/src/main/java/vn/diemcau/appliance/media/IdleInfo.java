package vn.diemcau.appliance.media;

import java.util.Objects;
import java.util.Optional;

/**
 * What the idle slate shows.
 *
 * @param roomName    the room, e.g. "Xã An Phú"
 * @param hubState    hub connection state as shown, e.g. "Đã kết nối trung tâm / Connected to hub"
 * @param nextSession the next session if known, e.g. "14:00 Tiếp dân định kỳ"
 */
public record IdleInfo(String roomName, String hubState, Optional<String> nextSession) {
    public IdleInfo {
        Objects.requireNonNull(nextSession, "nextSession");
        if (roomName == null || roomName.isBlank()) throw new IllegalArgumentException("roomName must not be blank");
        Objects.requireNonNull(hubState, "hubState");
    }

    static final String PROMPT = "Nhấn nút xanh để tham gia / Press the green button to join";
    static final String NEXT = "Phiên tiếp theo / Next session: ";
}
