package vn.diemcau.protocol;

/** Whether a box is connected to the broker. */
public enum Presence { ONLINE, OFFLINE }
