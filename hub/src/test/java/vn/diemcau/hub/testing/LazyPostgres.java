package vn.diemcau.hub.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One PostgreSQL cluster for a test class, started on first use (the SQLite cases of a
 * {@link Databases}-parameterized test never pay for it) and stopped after the class's tests:
 * {@code @RegisterExtension static final LazyPostgres PG = new LazyPostgres();}
 */
public final class LazyPostgres implements Supplier<PostgresCluster>, AutoCloseable, AfterAllCallback {
  private PostgresCluster cluster;

  @Override
  public synchronized PostgresCluster get() {
    if (cluster == null) {
      try {
        cluster = PostgresCluster.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
      }
    }
    return cluster;
  }

  @Override
  public synchronized void close() throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }
}
