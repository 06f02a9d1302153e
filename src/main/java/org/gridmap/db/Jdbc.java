package org.gridmap.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gridmap.error.DatabaseUnavailable;

/**
 * Small helpers for the Postgres repositories: bound statements, row mapping, and transactions that
 * roll back on any failure. SQL errors are handed to the repository's {@code failure} function,
 * which turns the ones with a meaning (a unique violation, say) into domain exceptions.
 */
public final class Jdbc {

  /** Binds the parameters of a prepared statement. */
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row. */
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Work inside one transaction. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database database;
  private final Function<SQLException, RuntimeException> failure;

  public Jdbc(Database database, Function<SQLException, RuntimeException> failure) {
    this.database = database;
    this.failure = failure;
  }

  public <T> Optional<T> one(String sql, Binder binder, RowReader<T> reader) {
    List<T> rows = list(sql, binder, reader);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
    try (Connection c = database.connection()) {
      return list(c, sql, binder, reader);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** The rows of a query on a connection the caller holds (e.g. inside its transaction). */
  public static <T> List<T> list(Connection c, String sql, Binder binder, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
      return rows;
    }
  }

  public int update(String sql, Binder binder) {
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs {@code work} on a pooled connection without a transaction of its own. */
  public <T> T withConnection(Work<T> work) {
    try (Connection c = database.connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private RuntimeException translate(SQLException e) {
    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
      return new DatabaseUnavailable(e);
    }
    return failure.apply(e);
  }
}
