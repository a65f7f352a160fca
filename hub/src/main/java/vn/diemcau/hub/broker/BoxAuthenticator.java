package vn.diemcau.hub.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.security.PasswordHash;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.TopicPermissions;
import vn.diemcau.protocol.Topics;

/**
 * Checks every CONNECT against the registry's hashes: client id must equal the username, the
 * box must exist and be enabled. A box gets exactly the protocol's grant for it (deny its own
 * inbound topics for publishing first, since rules match first-wins) and DENY otherwise;
 * the hub's own client gets full rights.
 */
final class BoxAuthenticator implements SimpleAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(BoxAuthenticator.class);

  private final BoxRegistry registry;
  private final String hubPasswordHash;
  private final HubMetrics metrics;

  BoxAuthenticator(BoxRegistry registry, String hubPasswordHash, HubMetrics metrics) {
    this.registry = registry;
    this.hubPasswordHash = hubPasswordHash;
    this.metrics = metrics;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    var connect = input.getConnectPacket();
    String clientId = connect.getClientId();
    Optional<String> user = connect.getUserName();
    Optional<String> password = connect.getPassword().map(BoxAuthenticator::utf8);
    if (user.isEmpty() || password.isEmpty()) {
      deny(output, clientId, ConnackReasonCode.NOT_AUTHORIZED, "username and password required");
      return;
    }
    if (!user.get().equals(clientId)) {
      deny(output, clientId, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id must equal the username");
      return;
    }
    ModifiableDefaultPermissions perms = output.getDefaultPermissions();
    perms.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    if (user.get().equals(Topics.HUB_USERNAME)) {
      if (!PasswordHash.verify(password.get(), hubPasswordHash)) {
        deny(output, clientId, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong hub password");
        return;
      }
      perms.add(permission("#", TopicPermission.MqttActivity.ALL, TopicPermission.PermissionType.ALLOW));
      output.authenticateSuccessfully();
      return;
    }
    if (!registry.authenticate(user.get(), password.get())) {
      deny(output, clientId, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "unknown or disabled box, or wrong password");
      return;
    }
    var grant = TopicPermissions.forBox(DeviceId.of(user.get()));
    // First-wins: the box's inbound topics may be subscribed to but never published to.
    for (String t : grant.subscribe()) {
      perms.add(permission(t, TopicPermission.MqttActivity.PUBLISH, TopicPermission.PermissionType.DENY));
      perms.add(permission(t, TopicPermission.MqttActivity.SUBSCRIBE, TopicPermission.PermissionType.ALLOW));
    }
    for (String t : grant.publish()) {
      perms.add(permission(t, TopicPermission.MqttActivity.PUBLISH, TopicPermission.PermissionType.ALLOW));
    }
    output.authenticateSuccessfully();
  }

  private void deny(SimpleAuthOutput output, String clientId, ConnackReasonCode code, String why) {
    metrics.brokerDenied("connect");
    LOG.warn("Broker refused CONNECT from client id '{}': {}", printable(clientId), why);
    output.failAuthentication(code, why);
  }

  private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity,
      TopicPermission.PermissionType type) {
    return Builders.topicPermission().topicFilter(filter).activity(activity).type(type)
        .qos(TopicPermission.Qos.ALL).retain(TopicPermission.Retain.ALL).build();
  }

  private static String utf8(ByteBuffer b) {
    ByteBuffer copy = b.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String printable(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
