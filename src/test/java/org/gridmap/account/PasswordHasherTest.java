package org.gridmap.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(1024, 1); // small cost: unit-test speed

  @Test
  void hash_is_argon2id_in_phc_format_and_verifies() {
    String h = hasher.hash("correct horse battery".toCharArray());
    assertTrue(h.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), h);
    assertTrue(hasher.verify("correct horse battery".toCharArray(), h));
    assertFalse(hasher.verify("correct horse battery!".toCharArray(), h));
  }

  @Test
  void same_password_gets_a_different_salt_each_time() {
    assertNotEquals(
        hasher.hash("same-password".toCharArray()), hasher.hash("same-password".toCharArray()));
  }

  @Test
  void parameters_are_read_from_the_stored_hash() {
    String strong = new PasswordHasher(2048, 2).hash("pw-0123456789".toCharArray());
    assertTrue(hasher.verify("pw-0123456789".toCharArray(), strong));
  }

  @Test
  void malformed_hashes_never_verify() {
    for (String bad :
        new String[] {"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"}) {
      assertFalse(hasher.verify("x".toCharArray(), bad), bad);
    }
  }
}
