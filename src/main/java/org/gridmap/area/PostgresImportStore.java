package org.gridmap.area;

import java.sql.SQLException;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.error.DatabaseUnavailable;
import org.gridmap.error.DomainException;

/**
 * {@link ImportStore} on PostGIS with plain JDBC; each import is a {@link PostgresImportSession}.
 */
public final class PostgresImportStore implements ImportStore {
  private final Database database;
  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresImportStore(Database database, AuditLog audit) {
    this.database = database;
    this.jdbc = new Jdbc(database, PostgresImportStore::translate);
    this.audit = audit;
  }

  @Override
  public Session begin() {
    return PostgresImportSession.open(database.connection(), audit);
  }

  @Override
  public void audit(AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          audit.append(c, entry);
          return null;
        });
  }

  static RuntimeException translate(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return new DatabaseUnavailable(e);
    }
    if ("23505".equals(state)) {
      return new DomainException(
          DomainException.Kind.CONFLICT,
          "concurrent_change",
          "Another change to these areas was saved meanwhile; run the import again");
    }
    return new IllegalStateException("area import failed in the database: " + e.getMessage(), e);
  }
}
