package org.gridmap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the shared test database, for tests that compare answers with PostGIS itself. */
public final class Db {
  private Db() {}

  /** The first column of every row, as text. */
  public static List<String> column(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The one value of a query, as text. */
  public static String value(String sql, Object... args) {
    List<String> values = column(sql, args);
    if (values.size() != 1) {
      throw new IllegalStateException(sql + " gave " + values.size() + " rows");
    }
    return values.get(0);
  }

  public static long number(String sql, Object... args) {
    return Long.parseLong(value(sql, args));
  }

  public static int update(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
