package org.gridmap.error;

/** PostGIS cannot be reached right now; the service answers 503 until it comes back. */
public final class DatabaseUnavailable extends DomainException {
  public DatabaseUnavailable(Throwable cause) {
    super(
        Kind.UNAVAILABLE,
        "database_unavailable",
        "The database is not reachable at the moment; try again shortly.",
        cause);
  }
}
