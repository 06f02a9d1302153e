package org.gridmap.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a username for a while after repeated failed logins. It counts per username whether or not
 * the account exists, so the answer does not reveal which usernames are real. Kept in memory: with
 * several server instances each counts on its own (the per-IP rate limit still applies).
 */
final class LoginThrottle {
  private record Failures(int count, Instant firstAt, Instant lockedUntil) {}

  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> byUser = new ConcurrentHashMap<>();

  LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** Seconds until the username may try again, or 0 when it is not locked. */
  long lockedForSeconds(String username) {
    Failures f = byUser.get(key(username));
    if (f == null || f.lockedUntil() == null) {
      return 0;
    }
    long s = Duration.between(clock.instant(), f.lockedUntil()).toSeconds();
    if (s <= 0) {
      byUser.remove(key(username));
      return 0;
    }
    return s + 1;
  }

  void failed(String username) {
    Instant now = clock.instant();
    byUser.compute(
        key(username),
        (k, f) -> {
          if (f == null || now.isAfter(f.firstAt().plus(lockout))) {
            f = new Failures(0, now, null);
          }
          int count = f.count() + 1;
          return new Failures(count, f.firstAt(), count >= maxFailures ? now.plus(lockout) : null);
        });
  }

  void succeeded(String username) {
    byUser.remove(key(username));
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
