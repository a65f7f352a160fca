/**
 * The simulator's command line, {@link vn.diemcau.simulator.cli.SimulatorCommand} ({@code diemcau-simulator}).
 */
package vn.diemcau.simulator.cli;
