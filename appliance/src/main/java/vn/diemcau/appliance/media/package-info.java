/**
 * The box's media on GStreamer 1.22 through gst1-java-core: camera and microphone captured,
 * encoded (v4l2h264enc, x264enc, openh264enc or vp8enc by capability; Opus; webrtcdsp echo
 * cancellation) and published with webrtcbin; conference feeds decoded with explicit chains and
 * played on the TV and speaker; the idle slate; snapshots; webrtcbin statistics.
 *
 * <p>Entry class: {@link vn.diemcau.appliance.media.MediaEngine} (configured by
 * {@link vn.diemcau.appliance.media.MediaSettings}); it opens a
 * {@link vn.diemcau.appliance.media.MediaCall} per call, driven by a signalling side through
 * {@link vn.diemcau.appliance.media.CallSignals}, and shows the
 * {@link vn.diemcau.appliance.media.IdleScreen}.
 *
 * <p>This is the only package that imports GStreamer or JNA. Every GStreamer call runs on the
 * Gst executor thread ({@code GstRuntime}); pipelines, promises, probes and callbacks are held
 * strongly and disposed explicitly (see /work/shared/MEDIA-NOTES.md, pitfalls 1–14).
 */
package vn.diemcau.appliance.media;
