/** Users, roles, permissions and API tokens; entry class {@link vn.diemcau.hub.users.UserDirectory}. */
package vn.diemcau.hub.users;
