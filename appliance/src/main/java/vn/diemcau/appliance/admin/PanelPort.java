package vn.diemcau.appliance.admin;

import java.util.List;

/** The join button and the status LEDs. */
public interface PanelPort {

    /** True while the join button (physical or virtual) is held down. */
    boolean buttonDown();

    /** Whether the box has the virtual button (hardware profile {@code virtual}) the page can press. */
    boolean hasVirtualButton();

    /**
     * Pushes or lets go of the virtual button; the hold time decides short (join) or long (leave).
     *
     * @throws BoxConsole.NotAvailable without a virtual button
     */
    void virtualButton(boolean down);

    /** Whether the box has a virtual mute button (hardware profile {@code virtual}) the page can press. */
    boolean hasVirtualMute();

    /**
     * Presses the virtual mute button once: toggles the microphone's mute while a call is on.
     *
     * @throws BoxConsole.NotAvailable without a virtual mute button
     */
    void virtualMute();

    /** The LED pattern shown now (a name from {@link #ledPatterns()}). */
    String ledPattern();

    /** Every pattern, in the order the page cycles them. */
    List<String> ledPatterns();

    /** Shows {@code pattern} for a few seconds so the technician can check the LEDs, then restores the box's own. */
    void previewLed(String pattern);
}
