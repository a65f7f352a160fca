package vn.diemcau.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {

    @Test
    void plainAndTlsSockets_haveTcpNoDelay() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
             Socket plain = NoDelaySockets.plain().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket tls = NoDelaySockets.tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                     .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket unconnected = NoDelaySockets.plain().createSocket()) {
            assertThat(plain.getTcpNoDelay()).isTrue();
            assertThat(tls.getTcpNoDelay()).isTrue();
            assertThat(unconnected.getTcpNoDelay()).isTrue();
        }
    }
}
