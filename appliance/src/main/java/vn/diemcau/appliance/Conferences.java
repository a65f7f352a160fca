package vn.diemcau.appliance;

import java.util.Optional;
import vn.diemcau.appliance.call.CallStats;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.call.ConferenceListener;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.conference.JanusConference;
import vn.diemcau.appliance.config.ApplianceConfig;
import vn.diemcau.appliance.media.MediaEngine;

/** Builds the {@link Conference} the config names. */
final class Conferences {

    private Conferences() {
    }

    /**
     * The conference plus the media engine it runs on, if any (the local admin page uses it for
     * device lists, snapshots and the idle screen). Closing the conference closes the engine.
     */
    record Built(Conference conference, Optional<MediaEngine> media) {
    }

    static Built create(ApplianceConfig config) {
        return create(config, Optional.empty());
    }

    /** As {@link #create(ApplianceConfig)}, reusing {@code running} (started for the unprovisioned box's idle slate) for Janus. */
    static Built create(ApplianceConfig config, Optional<MediaEngine> running) {
        return switch (config.conference().kind()) {
            case NONE -> {
                running.ifPresent(MediaEngine::close);
                yield new Built(new NoMediaConference(), Optional.empty());
            }
            case JANUS -> janus(config, running);
        };
    }

    /** Janus VideoRoom over the GStreamer media engine; a spare Janus session is prepared for the default session's server. */
    private static Built janus(ApplianceConfig config, Optional<MediaEngine> running) {
        MediaEngine media = running.orElseGet(() -> {
            MediaEngine m = new MediaEngine(MediaConfig.media(config.media()));
            m.start();
            return m;
        });
        JanusConference janus = new JanusConference(media, MediaConfig.janus(config.media()));
        config.conference().defaultSession().ifPresent(s -> janus.prepare(s.server()));
        return new Built(new WithMedia(janus, media), Optional.of(media));
    }

    /** The Janus conference plus the media engine it runs on; closing closes both, conference first. */
    private record WithMedia(JanusConference janus, MediaEngine media) implements Conference {
        @Override
        public void join(JoinRequest request, ConferenceListener listener) {
            janus.join(request, listener);
        }

        @Override
        public void leave() {
            janus.leave();
        }

        @Override
        public void restartMedia() {
            janus.restartMedia();
        }

        @Override
        public void setMuted(boolean muted) {
            janus.setMuted(muted);
        }

        @Override
        public Optional<CallStats> stats() {
            return janus.stats();
        }

        @Override
        public void close() {
            try {
                janus.close();
            } finally {
                media.close();
            }
        }
    }
}
