package vn.diemcau.hub.events;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Fan-out of {@link FleetEvent}s to live subscribers. Publishing never blocks: a subscriber
 * whose queue is full is marked as having lost events (it should re-read the fleet).
 */
public final class FleetEvents {
  private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

  public void publish(FleetEvent e) {
    for (Subscription s : subscriptions) {
      s.offer(e);
    }
  }

  /** A new subscription receiving the events {@code filter} accepts; close it when done. */
  public Subscription subscribe(Predicate<FleetEvent> filter, int capacity) {
    Subscription s = new Subscription(filter, capacity);
    subscriptions.add(s);
    return s;
  }

  public int subscribers() {
    return subscriptions.size();
  }

  /** One subscriber's bounded queue. */
  public final class Subscription implements AutoCloseable {
    private final Predicate<FleetEvent> filter;
    private final BlockingQueue<FleetEvent> queue;
    private volatile boolean lost;

    private Subscription(Predicate<FleetEvent> filter, int capacity) {
      this.filter = filter;
      this.queue = new ArrayBlockingQueue<>(capacity);
    }

    private void offer(FleetEvent e) {
      if (filter.test(e) && !queue.offer(e)) {
        lost = true;
      }
    }

    /** The next event, or null after {@code timeoutMillis}. */
    public FleetEvent poll(long timeoutMillis) throws InterruptedException {
      return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Moves the events already queued (at most {@code max}) to {@code into}, without waiting. */
    public int drainTo(java.util.Collection<? super FleetEvent> into, int max) {
      return queue.drainTo(into, max);
    }

    /** True once if events were dropped since the last call. */
    public boolean takeLost() {
      boolean l = lost;
      lost = false;
      return l;
    }

    @Override
    public void close() {
      subscriptions.remove(this);
    }
  }
}
