package org.gridmap.http;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-IP token buckets: each bucket kind allows {@code perMinute} requests per minute per client
 * address, refilled continuously, with bursts up to the same number. Answers how long to wait when
 * a request is over the limit. In memory, per server instance.
 */
public final class RateLimiter {

  /** The kinds of limited traffic. */
  public enum Bucket {
    /** Every request of an anonymous caller to an API route. */
    PUBLIC,
    /** Login attempts. */
    LOGIN,
    /** Public submissions (reports from residents). */
    REPORT
  }

  private static final class State {
    double tokens;
    long lastNanos;
  }

  private final Map<Bucket, Integer> perMinute;
  private final Map<Bucket, ConcurrentHashMap<String, State>> states = new EnumMap<>(Bucket.class);
  private final Clock clock;

  public RateLimiter(Map<Bucket, Integer> perMinute, Clock clock) {
    this.perMinute = new EnumMap<>(Bucket.class);
    this.perMinute.putAll(perMinute);
    this.clock = clock;
    for (Bucket b : Bucket.values()) {
      states.put(b, new ConcurrentHashMap<>());
    }
  }

  /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
  public long acquire(Bucket bucket, String client) {
    int limit = perMinute.getOrDefault(bucket, Integer.MAX_VALUE);
    if (limit <= 0) {
      return 0;
    }
    ConcurrentHashMap<String, State> map = states.get(bucket);
    if (map.size() > 100_000) {
      map.clear(); // bounded memory under address-spraying; limits restart for everyone
    }
    State s = map.computeIfAbsent(client, k -> new State());
    synchronized (s) {
      long now = clock.millis() * 1_000_000L;
      if (s.lastNanos == 0) {
        s.tokens = limit;
        s.lastNanos = now;
      }
      double refill = (now - s.lastNanos) / 60e9 * limit;
      s.tokens = Math.min(limit, s.tokens + refill);
      s.lastNanos = now;
      if (s.tokens >= 1) {
        s.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - s.tokens) * 60.0 / limit));
    }
  }
}
