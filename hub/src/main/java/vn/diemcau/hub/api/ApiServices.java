package vn.diemcau.hub.api;

import java.time.Duration;
import java.util.function.Supplier;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.events.FleetEvents;
import vn.diemcau.hub.health.AlertBook;
import vn.diemcau.hub.health.TelemetryStore;
import vn.diemcau.hub.ingest.BoxEventLog;
import vn.diemcau.hub.ingest.BoxLogs;
import vn.diemcau.hub.ingest.Snapshots;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.presence.PresenceTracker;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.users.UserDirectory;

/**
 * The hub's components as the API (and the dashboard) use them. {@code mosquittoPasswords}
 * renders the password file for an external Mosquitto; {@code conference} completes "join" commands.
 */
public record ApiServices(BoxRegistry registry, UserDirectory users, AuditLog audit, PresenceTracker presence,
    AlertBook alerts, TelemetryStore telemetry, CommandCenter commands, DesiredStates desired, BoxEventLog events,
    Snapshots snapshots, BoxLogs logs, FleetEvents fleet, HubMetrics metrics, Duration commandExpiry, Duration commandTimeout,
    Supplier<String> mosquittoPasswords, HubConfig.Conference conference) {}
