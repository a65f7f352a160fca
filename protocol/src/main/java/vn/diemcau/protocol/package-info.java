/**
 * The MQTT contract of diemcau, protocol v1: {@link vn.diemcau.protocol.Topics} builds and parses
 * every topic, the records are the payloads, {@link vn.diemcau.protocol.ProtocolCodec} turns them
 * into JSON and back, and {@link vn.diemcau.protocol.TopicPermissions} says who may publish and
 * subscribe where. The language-neutral description is {@code protocol/asyncapi.yaml}.
 */
package vn.diemcau.protocol;
