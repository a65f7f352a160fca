/** Box presence from retained status and Last Will; entry class {@link vn.diemcau.hub.presence.PresenceTracker}. */
package vn.diemcau.hub.presence;
