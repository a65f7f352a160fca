package vn.diemcau.hub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.users.UserDirectory;

/**
 * The hub's HTTP server (Jetty 12 core): the REST API and {@code /metrics} first, then any
 * extra handlers (the dashboard's pages), then a JSON 404. Requests run on virtual threads.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Server server;
  private final ServerConnector connector;
  private final String host;

  public ApiServer(String host, int port, List<Route> routes, UserDirectory users, List<Handler> extraHandlers) {
    this.host = host;
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName("http");
    pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-v-", 0).factory()));
    this.server = new Server(pool);
    this.connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(60_000);
    server.addConnector(connector);
    List<Handler> chain = new ArrayList<>();
    chain.add(new ApiHandler(routes, users));
    chain.addAll(extraHandlers);
    chain.add(new NotFound());
    server.setHandler(new Handler.Sequence(chain));
    server.setStopTimeout(2_000);
  }

  public void start() throws Exception {
    if (server.isStarted()) {
      return;
    }
    long t0 = System.nanoTime();
    server.start();
    LOG.info("HTTP API listening on http://{}:{} (started in {} ms)", host, port(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    LOG.info("HTTP API stopped");
  }

  private static final class NotFound extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      ApiHandler.error(response, callback, 404, "no such resource: " + Request.getPathInContext(request)
          + " (the API is described at /api/openapi.yaml)");
      return true;
    }
  }
}
