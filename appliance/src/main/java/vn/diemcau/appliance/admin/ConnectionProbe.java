package vn.diemcau.appliance.admin;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * "Test connection": tries the hub's MQTT broker and the conference server step by step so the
 * page can say exactly what failed — name lookup, TCP, TLS, MQTT authentication (a raw MQTT 5
 * CONNECT with the box's credentials, reading the CONNACK reason code), the Janus API, the room.
 * Uses the JDK's trust store for TLS. Blocking; each step is bounded by {@link #TIMEOUT}.
 */
final class ConnectionProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final JanusProbe janus = new JanusProbe(TIMEOUT);

    ConnectionProbe(Clock clock) {
        this.clock = clock;
    }

    /** Tests {@code brokerUrl} ({@code tcp://} or {@code ssl://}) with the box's MQTT client id, user name and password. */
    ProbeReport hub(String brokerUrl, String clientId, String username, String password) {
        List<ProbeReport.Step> steps = new ArrayList<>();
        URI url = parse(brokerUrl, List.of("tcp", "ssl"), steps);
        if (url == null) return new ProbeReport(brokerUrl, steps);
        Socket socket = connect(url.getHost(), url.getPort(), url.getScheme().equals("ssl"), steps);
        if (socket == null) return new ProbeReport(brokerUrl, steps);
        try (socket) {
            Instant t0 = clock.instant();
            try {
                int reason = mqttConnect(socket, clientId, username, password);
                steps.add(step(ProbeReport.Stage.MQTT_AUTH, reason == 0, mqttKey(reason), String.format("CONNACK 0x%02X", reason), t0));
            } catch (SocketTimeoutException e) {
                steps.add(step(ProbeReport.Stage.MQTT_AUTH, false, "probe.mqtt.timeout", "no CONNACK within " + TIMEOUT.toSeconds() + " s", t0));
            } catch (IOException e) {
                steps.add(step(ProbeReport.Stage.MQTT_AUTH, false, "probe.mqtt.closed", describe(e), t0));
            }
        } catch (IOException e) {
            // closing failed: the result stands
        }
        return new ProbeReport(brokerUrl, steps);
    }

    /** Tests the Janus HTTP API at {@code serverUrl} and that {@code room} exists there. */
    ProbeReport conference(String serverUrl, String room) {
        List<ProbeReport.Step> steps = new ArrayList<>();
        URI url = parse(serverUrl, List.of("http", "https"), steps);
        if (url == null) return new ProbeReport(serverUrl, steps);
        int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        Socket socket = connect(url.getHost(), port, url.getScheme().equals("https"), steps);
        if (socket == null) return new ProbeReport(serverUrl, steps);
        try {
            socket.close();
        } catch (IOException e) {
            // the next steps use their own connections
        }
        Instant t0 = clock.instant();
        JanusProbe.Result info = janus.info(url);
        steps.add(step(ProbeReport.Stage.JANUS_API, info.ok(), info.ok() ? "probe.janus.ok" : "probe.janus.failed", info.detail(), t0));
        if (!info.ok()) return new ProbeReport(serverUrl, steps);
        t0 = clock.instant();
        long roomId;
        try {
            roomId = Long.parseLong(room.trim());
        } catch (NumberFormatException e) {
            steps.add(step(ProbeReport.Stage.ROOM, false, "probe.room.invalid", "room '" + room + "' is not a number", t0));
            return new ProbeReport(serverUrl, steps);
        }
        JanusProbe.Result exists = janus.roomExists(url, roomId);
        steps.add(step(ProbeReport.Stage.ROOM, exists.ok(), exists.ok() ? "probe.room.ok" : "probe.room.missing", exists.detail(), t0));
        return new ProbeReport(serverUrl, steps);
    }

    private URI parse(String text, List<String> schemes, List<ProbeReport.Step> steps) {
        Instant t0 = clock.instant();
        try {
            URI u = new URI(text.trim());
            if (u.getScheme() == null || !schemes.contains(u.getScheme()) || u.getHost() == null
                    || (u.getScheme().matches("tcp|ssl") && u.getPort() <= 0)) {
                throw new IllegalArgumentException("expected " + String.join(" or ", schemes) + "://host:port");
            }
            return u;
        } catch (Exception e) {
            steps.add(step(ProbeReport.Stage.ADDRESS, false, "probe.address.invalid", e.getMessage(), t0));
            return null;
        }
    }

    /** DNS, TCP and (optionally) TLS; adds a step for each; returns the open socket or null. */
    private Socket connect(String host, int port, boolean tls, List<ProbeReport.Step> steps) {
        Instant t0 = clock.instant();
        InetAddress address;
        try {
            address = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            steps.add(step(ProbeReport.Stage.DNS, true, "probe.dns.ok", host + " → " + address.getHostAddress(), t0));
        } catch (ExecutionException | TimeoutException e) {
            steps.add(step(ProbeReport.Stage.DNS, false, "probe.dns.failed", "cannot resolve " + host, t0));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(step(ProbeReport.Stage.DNS, false, "probe.dns.failed", "interrupted", t0));
            return null;
        }
        t0 = clock.instant();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            steps.add(step(ProbeReport.Stage.TCP, true, "probe.tcp.ok", address.getHostAddress() + ":" + port, t0));
        } catch (IOException e) {
            closeQuietly(socket);
            String key = e instanceof ConnectException ? "probe.tcp.refused" : e instanceof SocketTimeoutException ? "probe.tcp.timeout" : "probe.tcp.failed";
            steps.add(step(ProbeReport.Stage.TCP, false, key, address.getHostAddress() + ":" + port + ": " + describe(e), t0));
            return null;
        }
        if (!tls) return socket;
        t0 = clock.instant();
        try {
            SSLSocketFactory f = SSLContext.getDefault().getSocketFactory();
            SSLSocket s = (SSLSocket) f.createSocket(socket, host, port, true);
            var params = s.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(params);
            s.setSoTimeout((int) TIMEOUT.toMillis());
            s.startHandshake();
            steps.add(step(ProbeReport.Stage.TLS, true, "probe.tls.ok", s.getSession().getProtocol(), t0));
            return s;
        } catch (SSLException e) {
            closeQuietly(socket);
            steps.add(step(ProbeReport.Stage.TLS, false, "probe.tls.failed", describe(e), t0));
        } catch (IOException | java.security.GeneralSecurityException e) {
            closeQuietly(socket);
            steps.add(step(ProbeReport.Stage.TLS, false, "probe.tls.failed", describe(e), t0));
        }
        return null;
    }

    /** Sends an MQTT 5 CONNECT (clean start) and returns the CONNACK reason code; disconnects on success. */
    static int mqttConnect(Socket socket, String clientId, String username, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        utf8(body, "MQTT");
        body.write(5);
        body.write(0x80 | (password.isEmpty() ? 0 : 0x40) | 0x02);
        body.write(0);
        body.write(30);
        body.write(0);
        utf8(body, clientId);
        utf8(body, username);
        if (!password.isEmpty()) utf8(body, password);
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        varInt(packet, body.size());
        body.writeTo(packet);
        out.write(packet.toByteArray());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type = in.read();
        if (type < 0) throw new EOFException("connection closed before CONNACK");
        if ((type & 0xF0) != 0x20) throw new IOException(String.format("expected CONNACK, got packet type 0x%02X", type));
        int length = readVarInt(in);
        if (length < 2) throw new IOException("CONNACK too short");
        in.readUnsignedByte();
        int reason = in.readUnsignedByte();
        if (reason == 0) {
            out.write(new byte[] {(byte) 0xE0, 0});
            out.flush();
        }
        return reason;
    }

    private static String mqttKey(int reason) {
        return switch (reason) {
            case 0x00 -> "probe.mqtt.ok";
            case 0x86, 0x04, 0x05 -> "probe.mqtt.badauth";
            case 0x87 -> "probe.mqtt.notauthorized";
            case 0x85, 0x02 -> "probe.mqtt.clientid";
            case 0x84, 0x01 -> "probe.mqtt.version";
            case 0x88, 0x89, 0x03 -> "probe.mqtt.unavailable";
            default -> "probe.mqtt.refused";
        };
    }

    private static void utf8(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.write(b, 0, b.length);
    }

    private static void varInt(ByteArrayOutputStream out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    private static int readVarInt(InputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.read();
            if (b < 0) throw new EOFException("connection closed inside CONNACK");
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new IOException("bad remaining length");
    }

    private ProbeReport.Step step(ProbeReport.Stage stage, boolean ok, String key, String detail, Instant t0) {
        return new ProbeReport.Step(stage, ok, key, detail, Duration.between(t0, clock.instant()));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
