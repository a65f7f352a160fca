/**
 * The box's buttons and status lights.
 *
 * <p>Entry point: {@link vn.diemcau.hardware.Hardware#open(HardwareSettings)} returns a
 * {@link vn.diemcau.hardware.HardwareKit} with the join {@link vn.diemcau.hardware.Button}, an
 * optional mute button and the {@link vn.diemcau.hardware.StatusLights}. Behind it: Pi4J 3 with
 * the gpiod provider on a Raspberry Pi 4/5 or another gpiod board, Linux input events for a USB
 * button on a mini-PC, or virtual parts for demos. Only this package imports Pi4J.
 */
package vn.diemcau.hardware;
