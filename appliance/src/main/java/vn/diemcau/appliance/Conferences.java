package vn.diemcau.appliance;

import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.config.ApplianceConfig;
import vn.diemcau.appliance.config.ConfigException;

/** Builds the {@link Conference} the config names. */
final class Conferences {

    private Conferences() {
    }

    static Conference create(ApplianceConfig config) {
        return switch (config.conference().kind()) {
            case NONE -> new NoMediaConference();
            // The media package's JanusConference is wired here once it lands (built from config.media()).
            case JANUS -> throw new ConfigException("conference.kind",
                    "'janus' needs the media package's JanusConference, which this build does not include yet; use 'none' with devMode for now");
        };
    }
}
