package vn.diemcau.protocol;

/** The room's media devices the box watches. */
public enum Peripheral { CAMERA, MICROPHONE, SPEAKER }
