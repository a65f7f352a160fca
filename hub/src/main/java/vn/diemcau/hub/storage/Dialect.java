package vn.diemcau.hub.storage;

/** The supported databases. */
public enum Dialect {
  SQLITE,
  POSTGRES
}
