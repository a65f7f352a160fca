package vn.diemcau.appliance.media;

/**
 * What the box has played from the conference since the call started.
 *
 * @param videoFrames      decoded video frames handed to the video sink (all feeds)
 * @param audioBuffers     decoded audio buffers handed to the speaker
 * @param loudAudioBuffers audio buffers whose peak was above -40 dBFS (not silence)
 * @param lastPeakDbfs     peak of the latest audio buffer, dBFS (-100 for digital silence)
 */
public record PlaybackCounters(long videoFrames, long audioBuffers, long loudAudioBuffers, double lastPeakDbfs) {
    public PlaybackCounters {
        if (videoFrames < 0 || audioBuffers < 0 || loudAudioBuffers < 0) {
            throw new IllegalArgumentException("negative counter: " + videoFrames + "/" + audioBuffers + "/" + loudAudioBuffers);
        }
    }

    public static final PlaybackCounters NONE = new PlaybackCounters(0, 0, 0, -100);
}
