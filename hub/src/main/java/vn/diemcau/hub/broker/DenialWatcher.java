package vn.diemcau.hub.broker;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.TopicPermissions;
import vn.diemcau.protocol.Topics;

/**
 * Logs and counts what the broker's permissions refuse: a publish outside a box's grant ends
 * in a server DISCONNECT 0x87 (seen here); a subscription outside it is seen before the
 * broker answers SUBACK 0x87.
 */
final class DenialWatcher implements ClientLifecycleEventListener, SubscribeInboundInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(DenialWatcher.class);

  private final HubMetrics metrics;

  DenialWatcher(HubMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onMqttConnectionStart(ConnectionStartInput input) {}

  @Override
  public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {}

  @Override
  public void onDisconnect(DisconnectEventInput input) {}

  @Override
  public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
    if (input.getReasonCode().filter(c -> c == DisconnectedReasonCode.NOT_AUTHORIZED).isPresent()) {
      metrics.brokerDenied("publish");
      LOG.warn("Broker disconnected '{}': publish not authorised ({})",
          BoxAuthenticator.printable(input.getClientInformation().getClientId()), input.getReasonString().orElse(""));
    }
  }

  @Override
  public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
    String clientId = input.getClientInformation().getClientId();
    if (clientId.equals(Topics.HUB_USERNAME)) {
      return;
    }
    Set<String> allowed;
    try {
      allowed = Set.copyOf(TopicPermissions.forBox(DeviceId.of(clientId)).subscribe());
    } catch (IllegalArgumentException e) {
      return;
    }
    for (var s : input.getSubscribePacket().getSubscriptions()) {
      if (!allowed.contains(s.getTopicFilter())) {
        metrics.brokerDenied("subscribe");
        LOG.warn("Broker refused subscription of '{}' to '{}'", BoxAuthenticator.printable(clientId),
            BoxAuthenticator.printable(s.getTopicFilter()));
      }
    }
  }
}
