package vn.diemcau.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who may publish and subscribe where, as data. The hub's embedded broker enforces
 * {@link #forBox} per connection; {@link #mosquittoAcl()} renders the same rule for an
 * external Mosquitto 2 broker.
 *
 * <p>A box publishes only on the box-to-hub channels of its own subtree and subscribes only to
 * its own {@link Channel#COMMAND} and {@link Channel#DESIRED} topics — exact topics, no
 * wildcards. The hub ({@link Topics#HUB_USERNAME}) subscribes to every box-to-hub channel and
 * publishes commands and desired state; it may also clear a removed box's retained status and
 * reported state.
 */
public final class TopicPermissions {

    /** Topic names or filters one client may publish to and subscribe to. */
    public record Grant(List<String> publish, List<String> subscribe) {
        public Grant {
            publish = List.copyOf(publish);
            subscribe = List.copyOf(subscribe);
        }
    }

    private static final List<Channel> HUB_PUBLISHES = List.of(Channel.COMMAND, Channel.DESIRED, Channel.STATUS, Channel.REPORTED);

    private TopicPermissions() {
    }

    public static Grant forBox(DeviceId device) {
        List<String> publish = new ArrayList<>();
        List<String> subscribe = new ArrayList<>();
        for (Channel c : Channel.values()) {
            (c.fromBox() ? publish : subscribe).add(Topics.of(device, c));
        }
        return new Grant(publish, subscribe);
    }

    public static Grant forHub() {
        return new Grant(HUB_PUBLISHES.stream().map(Topics::allBoxes).toList(), Topics.hubSubscriptions());
    }

    /** True when {@code device} may publish to the concrete {@code topic}. */
    public static boolean boxMayPublish(DeviceId device, String topic) {
        return forBox(device).publish().contains(topic);
    }

    /** True when {@code device} may subscribe to {@code filter} (only its exact inbound topics). */
    public static boolean boxMaySubscribe(DeviceId device, String filter) {
        return forBox(device).subscribe().contains(filter);
    }

    /** A Mosquitto 2 {@code acl_file}: the hub user's block, then {@code pattern} lines for every box. */
    public static String mosquittoAcl() {
        StringBuilder acl = new StringBuilder("# diemcau protocol v1 topic permissions (generated; see protocol/asyncapi.yaml)\n");
        acl.append("user ").append(Topics.HUB_USERNAME).append('\n');
        for (String t : forHub().publish()) acl.append("topic write ").append(t).append('\n');
        for (String t : forHub().subscribe()) acl.append("topic read ").append(t).append('\n');
        acl.append("\n# every box: its own subtree only (%u = the box's username = its device id)\n");
        Arrays.stream(Channel.values()).forEach(c -> acl.append("pattern ").append(c.fromBox() ? "write " : "read ")
                .append(Topics.ROOT).append("/box/%u/").append(c.segment()).append('\n'));
        return acl.toString();
    }
}
