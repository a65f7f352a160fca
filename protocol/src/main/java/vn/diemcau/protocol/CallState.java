package vn.diemcau.protocol;

/** The box's call state as reported to the hub. */
public enum CallState { IDLE, JOINING, IN_CALL, LEAVING, RETRYING, ERROR }
