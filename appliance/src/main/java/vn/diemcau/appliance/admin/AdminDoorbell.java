package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page's listening sockets, bound at start so the page's ports answer at once, while
 * its web server (Jetty, TLS and their classes: ~20 MB of a box in a call, docs/benchmarks.md
 * "Session 3") starts only when a technician first connects. The first connection waits in the
 * sockets' backlog; the {@code admin-doorbell} thread then hands every socket, blocking and no
 * longer watched, to {@code onFirstConnection} (HTTPS sockets, HTTP sockets) and ends.
 */
final class AdminDoorbell implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminDoorbell.class);

    private final List<ServerSocketChannel> https = new ArrayList<>();
    private final List<ServerSocketChannel> http = new ArrayList<>();
    private final Selector selector;
    private final BiConsumer<List<ServerSocketChannel>, List<ServerSocketChannel>> onFirstConnection;
    private final Thread thread;
    private boolean closed;
    private boolean handedOver;

    /**
     * Binds HTTPS on {@code httpsPort} (0: any) and, unless {@code httpPort} is -1, HTTP on every
     * address, and starts waiting for the first connection.
     */
    AdminDoorbell(List<String> addresses, int httpsPort, int httpPort,
                  BiConsumer<List<ServerSocketChannel>, List<ServerSocketChannel>> onFirstConnection) throws IOException {
        this.onFirstConnection = Objects.requireNonNull(onFirstConnection, "onFirstConnection");
        selector = Selector.open();
        try {
            for (String address : addresses) {
                https.add(bind(address, httpsPort));
                if (httpPort >= 0) http.add(bind(address, httpPort));
            }
        } catch (IOException | RuntimeException e) {
            closeChannels();
            selector.close();
            throw e;
        }
        thread = Thread.ofPlatform().name("admin-doorbell").daemon().start(this::await);
    }

    private ServerSocketChannel bind(String address, int port) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(address, port));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_ACCEPT);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException(address + " port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The HTTPS port (the first one when listening on several addresses). */
    int httpsPort() {
        return https.get(0).socket().getLocalPort();
    }

    /** The HTTP port, or -1. */
    int httpPort() {
        return http.isEmpty() ? -1 : http.get(0).socket().getLocalPort();
    }

    private void await() {
        try {
            while (selector.select() == 0) {
                synchronized (this) {
                    if (closed) return;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("Admin page sockets failed while waiting: {}", e.toString());
            close();
            return;
        }
        synchronized (this) {
            if (closed) return;
            handedOver = true;
        }
        try {
            selector.close();
            for (ServerSocketChannel ch : all()) ch.configureBlocking(true);
            onFirstConnection.accept(List.copyOf(https), List.copyOf(http));
        } catch (IOException | RuntimeException e) {
            log.error("Admin page web server could not start: {}", e.toString());
            closeChannels();
        }
    }

    private List<ServerSocketChannel> all() {
        List<ServerSocketChannel> all = new ArrayList<>(https);
        all.addAll(http);
        return all;
    }

    private void closeChannels() {
        for (ServerSocketChannel ch : all()) {
            try {
                ch.close();
            } catch (IOException e) {
                log.debug("Closing an admin socket: {}", e.toString());
            }
        }
    }

    /** Stops waiting and closes the sockets unless they were handed over (then their owner closes them). Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (handedOver) return;
        }
        selector.wakeup();
        if (thread != null && Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("Closing the admin selector: {}", e.toString());
        }
        closeChannels();
    }
}
