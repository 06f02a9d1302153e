package org.gridmap.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle), stored in the PHC string format {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so parameters can be raised later without breaking
 * stored hashes. Defaults follow OWASP's minimum for Argon2id (19 MiB, 2 passes).
 */
public final class PasswordHasher {
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  public static final int MIN_LENGTH = 10;

  private final int memoryKiB;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher() {
    this(19_456, 2);
  }

  public PasswordHasher(int memoryKiB, int iterations) {
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
  }

  public String hash(char[] password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKiB, iterations, 1, 32);
    return "$argon2id$v=19$m="
        + memoryKiB
        + ",t="
        + iterations
        + ",p=1$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Constant-time check of a password against a stored PHC string; false for any malformed hash.
   */
  public boolean verify(char[] password, String stored) {
    try {
      String[] parts = stored.split("\\$");
      if (parts.length != 6 || !parts[1].equals("argon2id")) {
        return false;
      }
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=");
        switch (pair[0]) {
          case "m" -> m = Integer.parseInt(pair[1]);
          case "t" -> t = Integer.parseInt(pair[1]);
          case "p" -> p = Integer.parseInt(pair[1]);
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A hash of a random password, used to spend the same time on unknown usernames. */
  public String dummyHash() {
    return hash("not-a-real-password-0123456789".toCharArray());
  }

  private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
    generator.generateBytes(utf8, out);
    return out;
  }
}
