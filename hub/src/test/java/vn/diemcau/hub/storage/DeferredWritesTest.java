package vn.diemcau.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Jdbc#updateLater}: ordered, visible to every later read, a bad write costs only itself, committed on close. */
@Timeout(60)
class DeferredWritesTest {
  private static final String INSERT =
      "INSERT INTO audit_log (id, at, actor, action, target, detail, outcome) VALUES (?,?,?,?,?,?,?)";

  @TempDir
  Path dir;

  private Database open() {
    return Database.open(new Database.Location.SqliteFile(dir.resolve("hub.db")));
  }

  private static void insertLater(Jdbc jdbc, String id) {
    jdbc.updateLater(INSERT, id, 1L, "actor", "action", "target", "detail", "ok");
  }

  @Test
  void writesFromManyThreads_areVisibleToTheNextRead() throws Exception {
    try (Database db = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            insertLater(db.jdbc(), "t" + thread + "-" + i);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM audit_log")).isEqualTo(2_000);
    }
  }

  @Test
  void deferredWritesApplyInOrder() {
    try (Database db = open()) {
      insertLater(db.jdbc(), "a");
      for (int i = 0; i < 100; i++) {
        db.jdbc().updateLater("UPDATE audit_log SET outcome = ? WHERE id = ?", "step-" + i, "a");
      }
      assertThat(db.jdbc().queryOne("SELECT outcome FROM audit_log WHERE id = ?", rs -> rs.getString(1), "a"))
          .contains("step-99");
    }
  }

  @Test
  void aFailingWrite_losesOnlyItself() {
    try (Database db = open()) {
      insertLater(db.jdbc(), "x");
      insertLater(db.jdbc(), "x"); // duplicate key: fails in the group, retried alone, logged
      insertLater(db.jdbc(), "y");
      db.jdbc().awaitWrites();
      assertThat(db.jdbc().query("SELECT id FROM audit_log ORDER BY id", rs -> rs.getString(1)))
          .containsExactly("x", "y");
    }
  }

  @Test
  void closeCommitsQueuedWrites_andRefusesLaterOnes() {
    Database db = open();
    Jdbc jdbc = db.jdbc();
    for (int i = 0; i < 1_000; i++) {
      insertLater(jdbc, "c" + i);
    }
    db.close();
    assertThatThrownBy(() -> insertLater(jdbc, "late")).isInstanceOf(StorageException.class);
    try (Database again = open()) {
      assertThat(again.jdbc().queryLong("SELECT COUNT(*) FROM audit_log")).isEqualTo(1_000);
    }
  }
}
