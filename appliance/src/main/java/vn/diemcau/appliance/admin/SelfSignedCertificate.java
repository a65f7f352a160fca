package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's TLS identity: an EC P-256 key and a self-signed certificate (10 years, names:
 * {@code localhost}, the host name, every local IP address), made with Bouncy Castle on first
 * start and kept in {@code admin/https.p12} (its random store password in {@code https.pass},
 * both owner-only). Bouncy Castle is only touched when the store is made ({@link CertificateMaker}):
 * its jars are signed, and loading any class from them makes the JVM verify the jar and keep its
 * 20,000-line manifest (~8 MB of RSS in a call) in a box that only reads its existing store
 * (docs/benchmarks.md, Media, "Session 4").
 */
final class SelfSignedCertificate {
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    static final String ALIAS = "diemcau-admin";

    private SelfSignedCertificate() {
    }

    /** The key store at {@code dir/https.p12}, created when missing; returns its password. */
    static String ensure(Path dir) throws IOException {
        Path store = dir.resolve("https.p12");
        Path pass = dir.resolve("https.pass");
        if (Files.exists(store) && Files.exists(pass)) return Files.readString(pass, StandardCharsets.US_ASCII).strip();
        long t0 = System.nanoTime();
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            KeyStore ks = CertificateMaker.create(password.toCharArray());
            AdminFiles.writeSecret(pass, password.getBytes(StandardCharsets.US_ASCII));
            try (OutputStream out = AdminFiles.newSecretStream(store)) {
                ks.store(out, password.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the admin page certificate: " + e.getMessage(), e);
        }
        log.info("Admin page certificate created in {} ({} ms); fingerprint {}", store, (System.nanoTime() - t0) / 1_000_000,
                fingerprint(store, password));
        return password;
    }

    static String fingerprint(Path store, String password) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            byte[] der = ks.getCertificate(ALIAS).getEncoded();
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha);
        } catch (IOException | GeneralSecurityException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
