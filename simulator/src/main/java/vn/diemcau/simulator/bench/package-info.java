/**
 * The fleet-scale benchmark, {@link vn.diemcau.simulator.bench.FleetBenchmark} (run with
 * {@code simulator/bench.sh}), and {@link vn.diemcau.simulator.bench.MosquittoProcess}, the Mosquitto
 * fixture it shares with the integration tests.
 */
package vn.diemcau.simulator.bench;
