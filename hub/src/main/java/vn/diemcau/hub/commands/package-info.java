/**
 * Commands to boxes ({@link vn.diemcau.hub.commands.CommandCenter}) and desired state
 * ({@link vn.diemcau.hub.commands.DesiredStates}).
 */
package vn.diemcau.hub.commands;
