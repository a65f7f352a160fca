package vn.diemcau.hub.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Plain sockets with TCP_NODELAY: 88 ms → 0.14 ms request/response on loopback (DESIGN.md, decision 3). */
final class NoDelaySocketFactory extends SocketFactory {
  @Override
  public Socket createSocket() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket s = new Socket(host, port, localHost, localPort);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    Socket s = new Socket(address, port, localAddress, localPort);
    s.setTcpNoDelay(true);
    return s;
  }
}
