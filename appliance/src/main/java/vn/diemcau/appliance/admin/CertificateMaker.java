package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the admin page's key and self-signed certificate with Bouncy Castle (10 years; names:
 * {@code localhost}, the host name, every local IP address). Only loaded on a box's first start,
 * when {@link SelfSignedCertificate} finds no store.
 */
final class CertificateMaker {

    private CertificateMaker() {
    }

    /** A key store holding a new EC P-256 key and its self-signed certificate under {@link SelfSignedCertificate#ALIAS}. */
    static KeyStore create(char[] password) throws GeneralSecurityException, IOException {
        try {
            return build(password);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    private static KeyStore build(char[] password) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        String host = hostName();
        X500Name subject = new X500Name("CN=" + host.replaceAll("[,=+<>#;\"\\\\]", "-") + ",O=diemcau appliance");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host).toArray(GeneralName[]::new)));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(SelfSignedCertificate.ALIAS, pair.getPrivate(), password, new X509Certificate[] {cert});
        return ks;
    }

    private static List<GeneralName> names(String host) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        if (!host.equals("localhost") && host.matches("[A-Za-z0-9.-]+")) {
            names.add(new GeneralName(GeneralName.dNSName, host));
            if (!host.contains(".")) names.add(new GeneralName(GeneralName.dNSName, host + ".local"));
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    String ip = a.getHostAddress();
                    int zone = ip.indexOf('%');
                    names.add(new GeneralName(GeneralName.iPAddress, zone < 0 ? ip : ip.substring(0, zone)));
                }
            }
        } catch (SocketException e) {
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        }
        return names;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
