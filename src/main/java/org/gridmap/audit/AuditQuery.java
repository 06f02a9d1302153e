package org.gridmap.audit;

import java.time.Instant;

/** Filters of the audit log; null means any. Pages count from 1. */
public record AuditQuery(
    String actor,
    String action,
    String entity,
    String entityId,
    Instant from,
    Instant to,
    int page,
    int size) {}
