/**
 * The room's call: {@link vn.diemcau.appliance.call.CallMachine} (the state machine, one owning
 * thread, diagram in its javadoc) over the {@link vn.diemcau.appliance.call.Conference} seam.
 */
package vn.diemcau.appliance.call;
