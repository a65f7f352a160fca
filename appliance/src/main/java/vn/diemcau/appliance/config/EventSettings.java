package vn.diemcau.appliance.config;

/**
 * The offline event journal.
 *
 * @param journalMaxEvents events kept on disk while the hub is unreachable; beyond this the oldest are dropped
 */
public record EventSettings(int journalMaxEvents) {
    public EventSettings {
        if (journalMaxEvents < 10) throw new ConfigException("events.journalMaxEvents", "must be >= 10, was " + journalMaxEvents);
    }
}
