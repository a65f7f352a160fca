package vn.diemcau.hub.storage;

import java.sql.Types;

/** A typed SQL NULL parameter (PostgreSQL needs the type of a null). */
public enum SqlNull {
  TEXT(Types.VARCHAR),
  BIGINT(Types.BIGINT),
  DOUBLE(Types.DOUBLE);

  final int sqlType;

  SqlNull(int sqlType) {
    this.sqlType = sqlType;
  }
}
