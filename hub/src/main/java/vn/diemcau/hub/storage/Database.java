package vn.diemcau.hub.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: a pooled {@link javax.sql.DataSource} migrated by Flyway on open.
 *
 * <p>The same migrations (portable SQL: {@code BIGINT} epoch milliseconds for instants,
 * {@code INTEGER} 0/1 for flags, application-generated ids) run on an SQLite file (the
 * default, WAL mode) and on PostgreSQL.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Where the data lives. */
  public sealed interface Location {
    /** An SQLite file; created when missing. */
    record SqliteFile(Path file) implements Location {
      public SqliteFile {
        Objects.requireNonNull(file, "file");
      }
    }

    /** A PostgreSQL database. */
    record Postgres(String jdbcUrl, String user, String password) implements Location {
      public Postgres {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
          throw new IllegalArgumentException("PostgreSQL JDBC URL must start with jdbc:postgresql: but was " + jdbcUrl);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
      }
    }
  }

  private final HikariDataSource dataSource;
  private final Jdbc jdbc;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbc = new Jdbc(dataSource);
  }

  /** Opens the pool and applies pending migrations. */
  public static Database open(Location location) {
    long start = System.nanoTime();
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("db");
    Dialect dialect;
    switch (location) {
      case Location.SqliteFile f -> {
        dialect = Dialect.SQLITE;
        Path parent = f.file().toAbsolutePath().getParent();
        if (parent != null) {
          try {
            java.nio.file.Files.createDirectories(parent);
          } catch (java.io.IOException e) {
            throw new StorageException("cannot create database directory " + parent, e);
          }
        }
        cfg.setJdbcUrl("jdbc:sqlite:" + f.file().toAbsolutePath());
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "10000");
        p.setProperty("transaction_mode", "IMMEDIATE");
        p.setProperty("foreign_keys", "true");
        cfg.setDataSourceProperties(p);
        // One writer at a time is SQLite's model; a single connection avoids SQLITE_BUSY entirely.
        cfg.setMaximumPoolSize(1);
      }
      case Location.Postgres pg -> {
        dialect = Dialect.POSTGRES;
        cfg.setJdbcUrl(pg.jdbcUrl());
        cfg.setUsername(pg.user());
        cfg.setPassword(pg.password());
        cfg.setMaximumPoolSize(8);
      }
    }
    HikariDataSource ds = new HikariDataSource(cfg);
    try {
      var result = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      LOG.info("Database {} ready (schema {} , {} migrations applied) in {} ms", dialect,
          result.targetSchemaVersion, result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      ds.close();
      throw new StorageException("database migration failed: " + e.getMessage(), e);
    }
    return new Database(ds, dialect);
  }

  public Jdbc jdbc() {
    return jdbc;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    jdbc.close(); // commits the deferred writes first
    dataSource.close();
  }
}
