/** The box registry and broker credentials; entry class {@link vn.diemcau.hub.registry.BoxRegistry}. */
package vn.diemcau.hub.registry;
