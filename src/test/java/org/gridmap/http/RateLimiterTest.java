package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.gridmap.http.RateLimiter.Bucket;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-29T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void allows_the_limit_then_asks_to_wait_and_refills_over_time() {
    MutableClock clock = new MutableClock();
    RateLimiter limiter = new RateLimiter(Map.of(Bucket.LOGIN, 3), clock);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire(Bucket.LOGIN, "1.2.3.4"));
    }
    long wait = limiter.acquire(Bucket.LOGIN, "1.2.3.4");
    assertTrue(wait >= 1 && wait <= 20, "wait " + wait);
    assertEquals(0, limiter.acquire(Bucket.LOGIN, "5.6.7.8"), "other addresses are not affected");
    clock.now = clock.now.plusSeconds(20);
    assertEquals(0, limiter.acquire(Bucket.LOGIN, "1.2.3.4"));
  }

  @Test
  void buckets_without_a_limit_are_unlimited() {
    RateLimiter limiter = new RateLimiter(Map.of(), Clock.systemUTC());
    for (int i = 0; i < 1000; i++) {
      assertEquals(0, limiter.acquire(Bucket.REPORT, "x"));
    }
  }
}
