package vn.diemcau.hub.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes in Mosquitto's {@code $7$} format:
 * {@code $7$<iterations>$<base64 salt>$<base64 hash>} (12-byte salt, 64-byte hash), so a
 * Mosquitto password file is a copy of what the hub stores.
 */
public final class PasswordHash {
  /** Box passwords are 144-bit random secrets: a low count keeps broker logins cheap. */
  public static final int BOX_ITERATIONS = 1_000;
  /** People choose passwords: OWASP's figure for PBKDF2-HMAC-SHA512. */
  public static final int USER_ITERATIONS = 210_000;

  private static final int SALT_BYTES = 12;
  private static final int HASH_BYTES = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(String password, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive but was " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder();
    return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** True when {@code password} matches {@code stored}; false for any malformed {@code stored}. */
  public static boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    // "", "7", iterations, salt, hash
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[2]);
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      if (iterations < 1 || iterations > 10_000_000 || expected.length != HASH_BYTES) {
        return false;
      }
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }
}
