package vn.diemcau.appliance.media;

/**
 * What one played feed has given so far.
 *
 * @param feed         Janus feed id
 * @param videoFrames  decoded video frames
 * @param audioBuffers decoded audio buffers
 */
public record FeedPlayback(long feed, long videoFrames, long audioBuffers) {
    public FeedPlayback {
        if (videoFrames < 0 || audioBuffers < 0) throw new IllegalArgumentException("negative counter for feed " + feed);
    }
}
