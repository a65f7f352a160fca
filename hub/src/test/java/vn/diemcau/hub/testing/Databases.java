package vn.diemcau.hub.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import vn.diemcau.hub.storage.Database;

/** The two databases storage tests run on. */
public enum Databases {
  SQLITE,
  POSTGRES;

  /** Opens a fresh database of this kind; {@code pg} is started lazily by the caller. */
  public Database open(Path tempDir, Supplier<PostgresCluster> pg) throws SQLException {
    return switch (this) {
      case SQLITE -> Database.open(new Database.Location.SqliteFile(tempDir.resolve("hub.db")));
      case POSTGRES -> Database.open(pg.get().newDatabase());
    };
  }
}
