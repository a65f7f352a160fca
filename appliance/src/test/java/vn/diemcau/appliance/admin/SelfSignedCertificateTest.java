package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void ensure_makesTheStoreOnce_thenReadsIt() throws Exception {
        String password = SelfSignedCertificate.ensure(dir);
        byte[] store = Files.readAllBytes(dir.resolve("https.p12"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("https.p12"))) {
            ks.load(in, password.toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate(SelfSignedCertificate.ALIAS);
        assertThat(cert.getSubjectX500Principal().getName()).contains("O=diemcau appliance");
        assertThat(cert.getSubjectAlternativeNames()).anySatisfy(n -> assertThat(n.get(1)).isEqualTo("localhost"));

        assertThat(SelfSignedCertificate.ensure(dir)).isEqualTo(password);
        assertThat(Files.readAllBytes(dir.resolve("https.p12"))).isEqualTo(store);
        assertThat(SelfSignedCertificate.fingerprint(dir.resolve("https.p12"), password)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    /**
     * A box in service only reads its store: the class it uses for that must not name any Bouncy Castle
     * type (not even in a catch clause), or the JVM loads it, verifies the signed jar and keeps its
     * manifest (~8 MB more RSS in a call, docs/benchmarks.md "Session 4").
     */
    @Test
    void readingTheStore_needsNoBouncyCastleClass() throws Exception {
        try (InputStream in = SelfSignedCertificate.class.getResourceAsStream("SelfSignedCertificate.class")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("org/bouncycastle");
        }
        try (InputStream in = CertificateMaker.class.getResourceAsStream("CertificateMaker.class")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).contains("org/bouncycastle");
        }
    }
}
