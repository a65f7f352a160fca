package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's local admin page: Jetty 12 over HTTPS with a self-signed certificate made on first
 * start, plain HTTP answering only with a redirect to HTTPS. The ports listen from {@link #start()};
 * Jetty starts when the first connection arrives (a box is in calls far more often than anyone
 * opens its page, and Jetty with TLS costs ~20 MB of resident memory).
 *
 * <pre>{@code
 * AdminServer admin = new AdminServer(AdminSettings.defaults(stateDir), console,
 *         code -> idleScreen.setupCode(code));   // Optional<String>: show while present
 * admin.start();      // logs the setup code until first run is done
 * ...
 * admin.close();
 * }</pre>
 *
 * <p>First run asks for the setup code and a new admin password; after that the pages need a
 * login. See {@link BoxConsole} for what the pages do to the box.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final AdminSettings settings;
    private final BoxConsole console;
    private final Consumer<Optional<String>> setupCodeDisplay;
    private AdminDoorbell doorbell;
    private Server server;
    private Credentials credentials;
    private String storePassword;
    private boolean stopped;

    /**
     * @param setupCodeDisplay told the setup code while first run is pending (at start, after a
     *                         factory reset) and {@code Optional.empty()} once it is done — e.g. to
     *                         show it on the TV's idle screen. Called on an admin thread.
     */
    public AdminServer(AdminSettings settings, BoxConsole console, Consumer<Optional<String>> setupCodeDisplay) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.console = Objects.requireNonNull(console, "console");
        this.setupCodeDisplay = Objects.requireNonNull(setupCodeDisplay, "setupCodeDisplay");
    }

    /**
     * Creates the certificate and setup code if needed and starts listening; the web server itself
     * starts on the first connection ({@link AdminDoorbell}). Idempotent.
     */
    public synchronized void start() {
        if (doorbell != null) return;
        long t0 = System.nanoTime();
        try {
            AdminFiles.ensureDir(settings.adminDir());
            storePassword = SelfSignedCertificate.ensure(settings.adminDir());
            credentials = new Credentials(settings.adminDir(), settings.passwordIterations());
        } catch (IOException e) {
            throw new UncheckedIOException("admin page state in " + settings.adminDir() + " unusable", e);
        }
        try {
            doorbell = new AdminDoorbell(settings.bindAddresses(), settings.httpsPort(), settings.httpPort(), this::startServer);
        } catch (IOException e) {
            throw new IllegalStateException("admin page could not start on " + settings.bindAddresses() + " port "
                    + settings.httpsPort() + ": " + e.getMessage(), e);
        }
        stopped = false;
        log.info("Admin page listening ({} ms): https on {} port {}{}; its web server starts on the first connection",
                (System.nanoTime() - t0) / 1_000_000, settings.bindAddresses(), httpsPort(),
                httpPort() < 0 ? "" : ", http redirect on port " + httpPort());
        announceSetupCode();
    }

    /** On the doorbell thread, with the bound sockets, when the first connection waits in their backlog. */
    private synchronized void startServer(List<ServerSocketChannel> httpsSockets, List<ServerSocketChannel> httpSockets) {
        long t0 = System.nanoTime();
        if (stopped) {
            closeAll(httpsSockets, httpSockets);
            return;
        }
        Sessions sessions = new Sessions(settings.clock(), settings.sessionIdle(), settings.sessionMax());
        AdminApp app = new AdminApp(settings, console, credentials, sessions, new LoginGuard(settings.clock()), this::announceSetupCode);

        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("admin-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("admin-req-", 0).factory()));
        Server s = new Server(pool);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(settings.adminDir().resolve("https.p12").toString());
        tls.setKeyStorePassword(storePassword);
        tls.setKeyStoreType("PKCS12");
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration httpsConfig = new HttpConfiguration();
        httpsConfig.setSendServerVersion(false);
        httpsConfig.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        httpsConfig.addCustomizer(secure);
        HttpConfiguration plainConfig = new HttpConfiguration();
        plainConfig.setSendServerVersion(false);
        try {
            for (ServerSocketChannel socket : httpsSockets) {
                ServerConnector c = new ServerConnector(s, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(httpsConfig));
                c.open(socket);
                c.setIdleTimeout(30_000);
                s.addConnector(c);
            }
            for (ServerSocketChannel socket : httpSockets) {
                ServerConnector p = new ServerConnector(s, new HttpConnectionFactory(plainConfig));
                p.open(socket);
                p.setIdleTimeout(30_000);
                s.addConnector(p);
            }
            s.setHandler(new JettyBridge(app, this::httpsPort));
            s.setErrorHandler(JettyBridge.errorHandler());
            s.setStopTimeout(0);
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            closeAll(httpsSockets, httpSockets);
            throw new IllegalStateException("admin page web server could not start on port " + httpsPort() + ": " + e.getMessage(), e);
        }
        server = s;
        log.info("Admin page web server started in {} ms on the first connection", (System.nanoTime() - t0) / 1_000_000);
    }

    private static void closeAll(List<ServerSocketChannel> a, List<ServerSocketChannel> b) {
        for (List<ServerSocketChannel> list : List.of(a, b)) {
            for (ServerSocketChannel ch : list) {
                try {
                    ch.close();
                } catch (IOException e) {
                    log.debug("Closing an admin socket: {}", e.toString());
                }
            }
        }
    }

    /** The HTTPS port (the first one when listening on several addresses). */
    public synchronized int httpsPort() {
        return doorbell == null ? -1 : doorbell.httpsPort();
    }

    /** The HTTP redirect port, or -1. */
    public synchronized int httpPort() {
        return doorbell == null ? -1 : doorbell.httpPort();
    }

    /** True once the first connection has started the web server (and until close). */
    synchronized boolean webServerRunning() {
        return server != null;
    }

    /** The one-time setup code while first run is pending. */
    public synchronized Optional<String> setupCode() {
        return credentials == null ? Optional.empty() : credentials.setupCode();
    }

    private void announceSetupCode() {
        Optional<String> code = credentials.setupCode();
        code.ifPresent(c -> log.warn("Admin page first run pending: setup code {} (https://<box address>:{}/)", c, httpsPort()));
        try {
            setupCodeDisplay.accept(code);
        } catch (RuntimeException e) {
            log.warn("Could not show the setup code: {}", e.toString());
        }
    }

    /** Stops listening. Idempotent. */
    @Override
    public synchronized void close() {
        if (doorbell == null) return;
        long t0 = System.nanoTime();
        stopped = true;
        doorbell.close();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("Admin page stop failed: {}", e.toString());
            }
        }
        server = null;
        doorbell = null;
        log.info("Admin page stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
