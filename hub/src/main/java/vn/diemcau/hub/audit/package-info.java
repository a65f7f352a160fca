/** The audit log; entry class {@link vn.diemcau.hub.audit.AuditLog}. */
package vn.diemcau.hub.audit;
