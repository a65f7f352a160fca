package vn.diemcau.appliance.media;

/** How a call shows the feeds it plays on the TV. */
public enum VideoLayout {
    /** Each feed straight to the video sink: the usual case, one feed (the centre). */
    SINGLE,
    /** Every feed tiled in a grid by a {@code compositor} into one video sink ("all rooms"). */
    TILED
}
