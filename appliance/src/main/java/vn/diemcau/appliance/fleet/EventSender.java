package vn.diemcau.appliance.fleet;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link EventJournal} to the hub in sequence order, one QoS 1 publish at a time, and
 * removes an event only after its PUBACK. A lost connection leaves the event in the journal; it is
 * sent again after reconnect (at-least-once; the hub deduplicates by sequence number). Runs on its
 * own thread ({@code fleet-events}) so waiting for a PUBACK never delays commands.
 */
final class EventSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSender.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final EventJournal journal;
    private final PahoConnection connection;
    private final String topic;
    private final Object monitor = new Object();
    private final Thread thread;
    private volatile boolean online;
    private volatile boolean closed;

    EventSender(EventJournal journal, PahoConnection connection, String topic) {
        this.journal = journal;
        this.connection = connection;
        this.topic = topic;
        this.thread = new Thread(this::run, "fleet-events");
        this.thread.setDaemon(true);
    }

    void start() {
        if (!thread.isAlive() && !closed) thread.start();
    }

    /** The link went up or down. */
    void online(boolean up) {
        online = up;
        wake();
    }

    /** An event was appended. */
    void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            Optional<EventJournal.Entry> next = online ? journal.first() : Optional.empty();
            if (next.isEmpty()) {
                synchronized (monitor) {
                    try {
                        if (!closed && !(online && journal.size() > 0)) monitor.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            send(next.get());
        }
    }

    private void send(EventJournal.Entry e) {
        try {
            MqttMessage m = new MqttMessage(e.payload(), 1, false, new MqttProperties());
            IMqttToken t = connection.publish(topic, m, Duration.ofSeconds(30));
            t.waitForCompletion(ACK_TIMEOUT.toMillis());
            int[] rc = t.getReasonCodes();
            if (rc != null && rc.length > 0 && rc[0] >= 0x80) {
                log.error("Hub refused event {} (PUBACK reason 0x{}); dropping it", e.seq(), Integer.toHexString(rc[0]));
            }
            journal.acknowledge(e.seq());
        } catch (MqttException ex) {
            log.debug("Event {} not delivered yet: {}", e.seq(), PahoConnection.describe(ex));
            pause();
        }
    }

    private void pause() {
        synchronized (monitor) {
            try {
                monitor.wait(500);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
