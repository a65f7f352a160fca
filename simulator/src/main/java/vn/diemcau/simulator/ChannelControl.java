package vn.diemcau.simulator;

import com.hivemq.client.internal.mqtt.MqttClientConfig;
import com.hivemq.client.internal.mqtt.MqttClientConnectionConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * The two things the HiveMQ client's public API cannot do, done on its Netty channel: drop the TCP
 * connection without DISCONNECT (the broker then publishes the Will, as after {@code kill -9} or a
 * power cut) and freeze it (no reads, no keepalive pings, socket left open, as after SIGSTOP).
 * This is the only class that touches the client's internals (checked against 1.3.10). Netty is a
 * runtime-only dependency of the client, so its interfaces are called reflectively, which keeps the
 * build from pinning a Netty version of its own.
 */
final class ChannelControl {
    /** Name of the client's keepalive handler in the channel pipeline ({@code MqttPingHandler.NAME}). */
    private static final String PING_HANDLER = "ping";

    private ChannelControl() {
    }

    /** Closes the connection's socket; false if the client has no open connection. */
    static boolean drop(Mqtt5AsyncClient client) {
        return channel(client).map(ch -> {
            call("io.netty.channel.ChannelOutboundInvoker", ch, "close");
            return true;
        }).orElse(false);
    }

    /** Stops reading and pinging, leaving the socket open; false if the client has no open connection. */
    static boolean freeze(Mqtt5AsyncClient client) {
        return channel(client).map(ch -> {
            Executor loop = (Executor) call("io.netty.channel.Channel", ch, "eventLoop");
            loop.execute(() -> {
                Object pipeline = call("io.netty.channel.Channel", ch, "pipeline");
                Object ping = call("io.netty.channel.ChannelPipeline", pipeline, "get", PING_HANDLER);
                if (ping != null) {
                    call("io.netty.channel.ChannelPipeline", pipeline, "remove", PING_HANDLER);
                    cancelTimers(ping);
                }
                Object config = call("io.netty.channel.Channel", ch, "config");
                call("io.netty.channel.ChannelConfig", config, "setAutoRead", false);
            });
            return true;
        }).orElse(false);
    }

    /** The ping handler keeps its timer after removal (it cancels it only on disconnect): cancel it. */
    private static void cancelTimers(Object handler) {
        for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Future.class.isAssignableFrom(field.getType())
                        || field.getType().getName().endsWith("ScheduledFuture")) {
                    try {
                        field.setAccessible(true);
                        if (field.get(handler) instanceof Future<?> timer) {
                            timer.cancel(false);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot stop the keepalive timer of " + type.getName(), e);
                    }
                }
            }
        }
    }

    private static Optional<Object> channel(Mqtt5AsyncClient client) {
        if (client.getConfig() instanceof MqttClientConfig config) {
            MqttClientConnectionConfig connection = config.getRawConnectionConfig();
            if (connection != null) {
                Object ch = call(MqttClientConnectionConfig.class.getName(), connection, "getChannel");
                if (Boolean.TRUE.equals(call("io.netty.channel.Channel", ch, "isOpen"))) {
                    return Optional.of(ch);
                }
            }
        }
        return Optional.empty();
    }

    private static Object call(String type, Object target, String name, Object... args) {
        try {
            Class<?> owner = Class.forName(type, false, target.getClass().getClassLoader());
            Method method = switch (name) {
                case "get", "remove" -> owner.getMethod(name, String.class);
                case "setAutoRead" -> owner.getMethod(name, boolean.class);
                default -> owner.getMethod(name);
            };
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Netty " + type + "." + name + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HiveMQ client internals changed: no " + type + "." + name, e);
        }
    }
}
