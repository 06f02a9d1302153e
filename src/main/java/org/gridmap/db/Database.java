package org.gridmap.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.error.DatabaseUnavailable;

/**
 * The connection pool to PostGIS and the schema migrations. The pool survives database restarts:
 * while PostGIS is down, getting a connection fails after the configured timeout (and requests
 * answer 503); once it is back, new connections are made without restarting the service.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens the pool; fails with a clear message when the database cannot be reached at all. */
  public static Database open(AppConfig config) {
    DatabaseUrl url = DatabaseUrl.parse(config.get(Option.DATABASE_URL));
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("gridmap");
    hikari.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hikari.setUsername(url.user());
    }
    if (url.password() != null) {
      hikari.setPassword(url.password());
    }
    hikari.setMaximumPoolSize(config.getInt(Option.DB_POOL_SIZE));
    hikari.setMinimumIdle(Math.min(2, config.getInt(Option.DB_POOL_SIZE)));
    long timeout = Math.max(250, config.getLong(Option.DB_CONNECT_TIMEOUT_MS));
    hikari.setConnectionTimeout(timeout);
    hikari.setValidationTimeout(Math.min(timeout, 1000));
    hikari.setInitializationFailTimeout(timeout);
    hikari.addDataSourceProperty("ApplicationName", "gridmap");
    hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeout / 1000)));
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      return new Database(new HikariDataSource(hikari));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot connect to PostGIS at "
              + url.redacted()
              + ": "
              + rootMessage(e)
              + ". Start it with `bin/gridmap db start` or set DATABASE_URL.",
          e);
    }
  }

  /** Brings the schema up to date with the Flyway migrations in {@code db/migration}. */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Borrows a connection, turning "database unreachable" into {@link DatabaseUnavailable} so that
   * callers answer 503 rather than 500.
   */
  public Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new DatabaseUnavailable(e);
    }
  }

  /** True when PostGIS answers a trivial query within the pool's timeout. */
  public boolean isUp() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      s.execute("SELECT postgis_lib_version()");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
