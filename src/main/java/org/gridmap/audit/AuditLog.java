package org.gridmap.audit;

import java.sql.Connection;
import java.util.List;

/**
 * The append-only record of every write. {@link #append} takes the connection of the transaction
 * making the change, so the change and its record commit together or not at all. There is no way to
 * edit or delete entries (the table refuses UPDATE, DELETE and TRUNCATE too).
 */
public interface AuditLog {

  void append(Connection transaction, AuditEntry entry);

  /** Matching entries, newest first, and the total count of matches. */
  Page query(AuditQuery query);

  record Page(long total, int page, int size, List<AuditEntry> items) {}
}
