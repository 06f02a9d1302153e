package org.gridmap.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gridmap.access.Principal;

/**
 * One write, as recorded in the audit log: who ({@code actorId} null for the command line), what
 * ({@code action} such as {@code account.create} on {@code entity}/{@code entityId}), and for each
 * changed field its value before and after. Secrets are never recorded, only that they changed.
 */
public record AuditEntry(
    Long id,
    Instant at,
    Long actorId,
    String actor,
    String action,
    String entity,
    String entityId,
    Map<String, Change> changes,
    Map<String, Object> detail,
    String ip) {

  /** A field's value before and after the write (null before = created, null after = removed). */
  public record Change(Object before, Object after) {}

  /** Starts an entry authored by {@code by}. */
  public static AuditEntry of(
      Principal by, String ip, String action, String entity, String entityId) {
    return new AuditEntry(
        null,
        null,
        by.accountId() == 0 ? null : by.accountId(),
        by.auditName(),
        action,
        entity,
        entityId,
        Map.of(),
        null,
        ip);
  }

  /** The fields that differ between two snapshots of the same entity. */
  public AuditEntry withDiff(Map<String, ?> before, Map<String, ?> after) {
    Map<String, Change> diff = new LinkedHashMap<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    if (before != null) {
      keys.addAll(before.keySet());
    }
    if (after != null) {
      keys.addAll(after.keySet());
    }
    for (String k : keys) {
      Object b = before == null ? null : before.get(k);
      Object a = after == null ? null : after.get(k);
      if (!Objects.equals(b, a)) {
        diff.put(k, new Change(b, a));
      }
    }
    return new AuditEntry(id, at, actorId, actor, action, entity, entityId, diff, detail, ip);
  }

  /** The same author and action, about a given entity. */
  public AuditEntry about(String entity, String entityId) {
    return new AuditEntry(id, at, actorId, actor, action, entity, entityId, changes, detail, ip);
  }

  public AuditEntry withDetail(Map<String, Object> detail) {
    return new AuditEntry(id, at, actorId, actor, action, entity, entityId, changes, detail, ip);
  }
}
