/** JDBC storage with Flyway migrations on SQLite and PostgreSQL; entry class {@link vn.diemcau.hub.storage.Database}. */
package vn.diemcau.hub.storage;
