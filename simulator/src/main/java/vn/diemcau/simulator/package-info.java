/**
 * Simulated boxes for tests, benchmarks and the demo: {@link vn.diemcau.simulator.Simulator} runs N
 * protocol-correct boxes (birth + Last Will, telemetry, events, two-stage command replies, desired
 * and reported state, injectable {@link vn.diemcau.simulator.Fault faults}) against any MQTT 5 broker.
 */
package vn.diemcau.simulator;
