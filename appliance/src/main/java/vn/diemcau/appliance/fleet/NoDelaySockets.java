package vn.diemcau.appliance.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The box's socket factories: the shared TCP_NODELAY wrappers of
 * {@link vn.diemcau.protocol.transport.NoDelaySockets}, with TLS trust from {@code hub.caFile}.
 */
final class NoDelaySockets {

    private NoDelaySockets() {
    }

    /** For {@code tcp://}. */
    static SocketFactory plain() {
        return vn.diemcau.protocol.transport.NoDelaySockets.plain();
    }

    /** For {@code ssl://}: trusts the CA certificates in {@code caFile} (PEM), else the JDK's trust store. */
    static SSLSocketFactory tls(Optional<Path> caFile) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile.isPresent()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(caFile.get())) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca-" + i++, c);
                    }
                    if (i == 0) throw new IllegalArgumentException("hub.caFile " + caFile.get() + " holds no certificate");
                }
                tmf.init(ks);
            } else {
                tmf.init((KeyStore) null);
            }
            ctx.init(null, tmf.getTrustManagers(), null);
            return vn.diemcau.protocol.transport.NoDelaySockets.tls(ctx.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("hub.caFile: cannot load " + caFile.map(Path::toString).orElse("the JDK trust store") + ": " + e.getMessage(), e);
        }
    }
}
