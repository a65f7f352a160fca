package vn.diemcau.hardware;

/**
 * A physical push button (GPIO or USB). Listeners are called on a thread owned by the
 * hardware layer, never on Pi4J's own; implementations debounce.
 */
public interface Button extends AutoCloseable {

    /** Registers a listener for completed presses. */
    void onPress(PressListener listener);

    /** True while the button is held down (for the local page's live view). */
    boolean isDown();

    @Override
    void close();

    /** A completed press, classified by how long it was held. */
    enum Press { SHORT, LONG }

    @FunctionalInterface
    interface PressListener {
        void pressed(Press press);
    }
}
