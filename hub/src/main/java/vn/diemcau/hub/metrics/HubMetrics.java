package vn.diemcau.hub.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The hub's counters and gauges, rendered in the Prometheus text exposition format.
 * Counters are keyed by one label value (channel, reason, outcome).
 */
public final class HubMetrics {
  private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final Map<String, String> labelNames = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
  private final Map<String, LatencyHistogram> histograms = new ConcurrentHashMap<>();

  public HubMetrics() {
    describe("diemcau_mqtt_messages_in_total", "channel", "MQTT messages received by the hub, by channel");
    describe("diemcau_mqtt_bad_messages_total", "reason", "MQTT messages logged and dropped, by reason");
    describe("diemcau_commands_total", "outcome", "Commands by final or current outcome");
    describe("diemcau_broker_denied_total", "action", "Broker refusals: connect, publish, subscribe");
    describe("diemcau_alerts_opened_total", "kind", "Alerts opened, by kind");
  }

  private void describe(String name, String label, String text) {
    help.put(name, text);
    labelNames.put(name, label);
    counters.putIfAbsent(name, new ConcurrentHashMap<>());
  }

  public void increment(String name, String labelValue) {
    counters.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).computeIfAbsent(labelValue, k -> new LongAdder())
        .increment();
  }

  public void messageIn(String channel) {
    increment("diemcau_mqtt_messages_in_total", channel);
  }

  public void badMessage(String reason) {
    increment("diemcau_mqtt_bad_messages_total", reason);
  }

  public void command(String outcome) {
    increment("diemcau_commands_total", outcome);
  }

  public void brokerDenied(String action) {
    increment("diemcau_broker_denied_total", action);
  }

  public long count(String name, String labelValue) {
    LongAdder a = counters.getOrDefault(name, Map.of()).get(labelValue);
    return a == null ? 0 : a.sum();
  }

  public long total(String name) {
    return counters.getOrDefault(name, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Registers a gauge read at scrape time. */
  public void gauge(String name, String text, LongSupplier value) {
    help.put(name, text);
    gauges.put(name, value);
  }

  /** The histogram {@code name}, created on first use. */
  public LatencyHistogram histogram(String name, String text) {
    return histograms.computeIfAbsent(name, n -> new LatencyHistogram(n, text));
  }

  /** The Prometheus text format (version 0.0.4). */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    new TreeMap<>(counters).forEach((name, values) -> {
      out.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
      out.append("# TYPE ").append(name).append(" counter\n");
      String label = labelNames.getOrDefault(name, "label");
      new TreeMap<>(values).forEach((lv, v) -> out.append(name).append('{').append(label).append("=\"")
          .append(escape(lv)).append("\"} ").append(v.sum()).append('\n'));
    });
    new TreeMap<>(gauges).forEach((name, supplier) -> {
      out.append("# HELP ").append(name).append(' ').append(help.get(name)).append('\n');
      out.append("# TYPE ").append(name).append(" gauge\n");
      out.append(name).append(' ').append(supplier.getAsLong()).append('\n');
    });
    new TreeMap<>(histograms).values().forEach(h -> h.render(out));
    jvm(out);
    return out.toString();
  }

  private static void jvm(StringBuilder out) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    out.append("# TYPE jvm_memory_used_bytes gauge\n")
        .append("jvm_memory_used_bytes{area=\"heap\"} ").append(heap.getUsed()).append('\n')
        .append("jvm_memory_used_bytes{area=\"nonheap\"} ").append(nonHeap.getUsed()).append('\n');
    out.append("# TYPE jvm_memory_committed_bytes gauge\n")
        .append("jvm_memory_committed_bytes{area=\"heap\"} ").append(heap.getCommitted()).append('\n')
        .append("jvm_memory_committed_bytes{area=\"nonheap\"} ").append(nonHeap.getCommitted()).append('\n');
    out.append("# TYPE jvm_threads_live gauge\njvm_threads_live ")
        .append(ManagementFactory.getThreadMXBean().getThreadCount()).append('\n');
    out.append("# TYPE jvm_gc_collection_seconds_total counter\n");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      out.append("jvm_gc_collection_seconds_total{gc=\"").append(escape(gc.getName())).append("\"} ")
          .append(gc.getCollectionTime() / 1000.0).append('\n');
    }
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      out.append("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total ")
          .append(os.getProcessCpuTime() / 1e9).append('\n');
    }
    out.append("# TYPE process_uptime_seconds gauge\nprocess_uptime_seconds ")
        .append(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0).append('\n');
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
