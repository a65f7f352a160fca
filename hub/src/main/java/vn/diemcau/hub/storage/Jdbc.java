package vn.diemcau.hub.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A thin JDBC helper: parameterised statements, row mapping, transactions.
 *
 * <p>Parameters may be {@code String}, {@code Long}, {@code Integer}, {@code Double},
 * {@code Boolean} (stored as 0/1), {@link Instant} (stored as epoch milliseconds) or a
 * {@link SqlNull}. Inside {@link #inTransaction} the same connection is reused by this thread.
 *
 * <p>{@link #updateLater} queues a write for the {@code db-writer} thread (group commit) so hot
 * paths such as the ingest lanes never wait for the database; every other call first waits until
 * the writes queued before it are committed, so a caller always reads what it (or anyone) queued.
 */
public final class Jdbc implements AutoCloseable {
  /** Maps the current row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run() throws SQLException;
  }

  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final WriteBehind writeBehind;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
    this.writeBehind = new WriteBehind(this);
  }

  /**
   * Queues an INSERT/UPDATE/DELETE for the writer thread and returns at once. Deferred writes are
   * committed in the order they were queued; a failed one is logged, not thrown.
   */
  public void updateLater(String sql, Object... args) {
    for (Object a : args) {
      if (a == null) {
        throw new IllegalArgumentException("null SQL parameter: use SqlNull");
      }
    }
    writeBehind.submit(new WriteBehind.Write(sql, args.clone()));
  }

  /** Waits until every write queued so far by {@link #updateLater} is committed. */
  public void awaitWrites() {
    writeBehind.awaitWritten();
  }

  /** Deferred writes queued and not yet committed. */
  public long queuedWrites() {
    return writeBehind.backlog();
  }

  /** Commits the queued writes and stops the writer thread. */
  @Override
  public void close() {
    writeBehind.close();
  }

  public int update(String sql, Object... args) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        return ps.executeUpdate();
      }
    }, sql);
  }

  /** Runs one statement once per argument row, in one batch. */
  public void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Object[] row : rows) {
          bind(ps, row);
          ps.addBatch();
        }
        ps.executeBatch();
        return null;
      }
    }, sql);
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
          return out;
        }
      }
    }, sql);
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  public long queryLong(String sql, Object... args) {
    return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(TransactionWork<T> work) {
    if (current.get() != null) {
      try {
        return work.run();
      } catch (SQLException e) {
        throw new StorageException("transaction failed: " + e.getMessage(), e);
      }
    }
    writeBehind.awaitWritten();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      try {
        T result = work.run();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new StorageException("transaction failed: " + e.getMessage(), e);
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StorageException("transaction failed: " + e.getMessage(), e);
    }
  }

  /** Reads a nullable BIGINT column as an Instant. */
  public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  /** Reads a nullable DOUBLE column. */
  public static Optional<Double> optDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  @FunctionalInterface
  private interface ConnectionWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(ConnectionWork<T> work, String sql) {
    Connection tx = current.get();
    try {
      if (tx != null) {
        return work.run(tx);
      }
      writeBehind.awaitWritten();
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    } catch (SQLException e) {
      throw new StorageException("SQL failed (" + firstWords(sql) + "): " + e.getMessage(), e);
    }
  }

  private static String firstWords(String sql) {
    String s = sql.strip().replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int idx = i + 1;
      switch (a) {
        case null -> throw new IllegalArgumentException("null SQL parameter " + idx + ": use SqlNull");
        case SqlNull n -> ps.setNull(idx, n.sqlType);
        case String s -> ps.setString(idx, s);
        case Long l -> ps.setLong(idx, l);
        case Integer n -> ps.setLong(idx, n);
        case Double d -> ps.setDouble(idx, d);
        case Boolean b -> ps.setInt(idx, b ? 1 : 0);
        case Instant t -> ps.setLong(idx, t.toEpochMilli());
        default -> throw new IllegalArgumentException("unsupported SQL parameter type " + a.getClass().getName());
      }
    }
  }
}
