package vn.diemcau.hub.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deferred writes ({@link Jdbc#updateLater}): queued by any thread, committed in order by one
 * named thread ({@code db-writer}), everything queued meanwhile in one transaction (group
 * commit). The ingest lanes hand their writes over and go on; before any read or synchronous
 * write, {@link Jdbc} waits until everything queued earlier is committed ({@link #awaitWritten}),
 * so callers still read their own writes. The queue is bounded: a full queue blocks the producer.
 */
final class WriteBehind implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
  private static final int MAX_QUEUED = 100_000;
  private static final int MAX_PER_TRANSACTION = 5_000;

  /** One parameterised statement. */
  record Write(String sql, Object[] args) {}

  private final Jdbc jdbc;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled to the writer when a write is queued or on close. */
  private final Condition queued = lock.newCondition();
  /** Signalled to producers when the writer took writes off the queue. */
  private final Condition room = lock.newCondition();
  /** Signalled to {@link #awaitWritten} callers after each commit. */
  private final Condition committed = lock.newCondition();
  private final ArrayDeque<Write> pending = new ArrayDeque<>();
  private final Thread thread;
  private long submitted; // guarded by lock
  private long written; // guarded by lock
  private boolean closed; // guarded by lock

  WriteBehind(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.thread = Thread.ofPlatform().name("db-writer").daemon(true).unstarted(this::run);
    thread.start();
  }

  void submit(Write w) {
    lock.lock();
    try {
      while (pending.size() >= MAX_QUEUED && !closed) {
        await(room);
      }
      if (closed) {
        throw new StorageException("database closed: cannot write (" + w.sql().strip().split("\\s+", 2)[0] + " …)", null);
      }
      pending.add(w);
      submitted++;
      if (pending.size() == 1) {
        queued.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes submitted and not yet committed (queued or in the transaction under way). */
  long backlog() {
    lock.lock();
    try {
      return submitted - written;
    } finally {
      lock.unlock();
    }
  }

  /** Returns once every write queued before this call is committed (or failed and was logged). */
  void awaitWritten() {
    if (Thread.currentThread() == thread) {
      return;
    }
    lock.lock();
    try {
      long target = submitted;
      while (written < target && thread.isAlive()) {
        await(committed);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Commits what is queued, then stops the writer thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      queued.signal();
      room.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (true) {
      List<Write> batch = new ArrayList<>();
      lock.lock();
      try {
        while (pending.isEmpty() && !closed) {
          await(queued);
        }
        if (pending.isEmpty()) {
          return; // closed and drained
        }
        while (!pending.isEmpty() && batch.size() < MAX_PER_TRANSACTION) {
          batch.add(pending.poll());
        }
        room.signalAll();
      } finally {
        lock.unlock();
      }
      write(batch);
      lock.lock();
      try {
        written += batch.size();
        committed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** One transaction for the whole batch; consecutive writes with the same SQL go in one JDBC batch. */
  private void write(List<Write> batch) {
    try {
      jdbc.inTransaction(() -> {
        int i = 0;
        while (i < batch.size()) {
          String sql = batch.get(i).sql();
          List<Object[]> rows = new ArrayList<>();
          for (; i < batch.size() && batch.get(i).sql().equals(sql); i++) {
            rows.add(batch.get(i).args());
          }
          jdbc.batch(sql, rows);
        }
        return null;
      });
    } catch (RuntimeException e) {
      // One bad statement must not cost the others: retry them one by one.
      LOG.warn("Group commit of {} deferred writes failed ({}); retrying them one by one", batch.size(), e.toString());
      for (Write w : batch) {
        try {
          jdbc.update(w.sql(), w.args());
        } catch (RuntimeException single) {
          LOG.error("Deferred write lost: {}", single.getMessage());
        }
      }
    }
  }

  private static void await(Condition c) {
    try {
      c.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the database writer", e);
    }
  }
}
