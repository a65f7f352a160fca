package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin password and the one-time setup code. Before first run the box has a setup code
 * ({@code admin/setup-code}, 8 digits, logged and shown on the TV) and no password; completing first
 * run stores a PBKDF2-HMAC-SHA256 hash ({@code admin/password}, {@code pbkdf2-sha256$iterations$salt$hash})
 * and deletes the code. Thread-safe.
 */
final class Credentials {
    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private final Path passwordFile;
    private final Path codeFile;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private Optional<String> hash;
    private Optional<String> setupCode;

    Credentials(Path adminDir, int iterations) throws IOException {
        this.passwordFile = adminDir.resolve("password");
        this.codeFile = adminDir.resolve("setup-code");
        this.iterations = iterations;
        this.hash = AdminFiles.read(passwordFile);
        this.setupCode = hash.isPresent() ? Optional.empty() : AdminFiles.read(codeFile);
        if (hash.isEmpty() && setupCode.isEmpty()) {
            String code = newCode();
            AdminFiles.writeSecret(codeFile, code.getBytes(StandardCharsets.US_ASCII));
            setupCode = Optional.of(code);
        }
        if (hash.isPresent()) Files.deleteIfExists(codeFile);
    }

    synchronized boolean configured() {
        return hash.isPresent();
    }

    /** The setup code while first run is not done. */
    synchronized Optional<String> setupCode() {
        return setupCode;
    }

    synchronized boolean checkSetupCode(String typed) {
        return setupCode.map(code -> constantTimeEquals(code, typed.replaceAll("[\\s-]", ""))).orElse(false);
    }

    /** Completes first run: stores the password hash and deletes the setup code. */
    synchronized void setPassword(String password) {
        String encoded = encode(password, iterations);
        try {
            AdminFiles.writeSecret(passwordFile, encoded.getBytes(StandardCharsets.US_ASCII));
            Files.deleteIfExists(codeFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the admin password", e);
        }
        hash = Optional.of(encoded);
        setupCode = Optional.empty();
        log.info("Admin password set; setup code retired");
    }

    synchronized boolean checkPassword(String password) {
        return hash.map(h -> verify(password, h)).orElse(false);
    }

    /** Back to first run with a new setup code (factory reset). */
    synchronized String reset() {
        String code = newCode();
        try {
            Files.deleteIfExists(passwordFile);
            AdminFiles.writeSecret(codeFile, code.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the admin password", e);
        }
        hash = Optional.empty();
        setupCode = Optional.of(code);
        return code;
    }

    private String newCode() {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    private String encode(String password, int iter) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "pbkdf2-sha256$" + iter + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iter));
    }

    static boolean verify(String password, String encoded) {
        String[] p = encoded.split("\\$");
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256")) return false;
        try {
            byte[] salt = Base64.getDecoder().decode(p[2]);
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(p[1])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iter) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iter, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
