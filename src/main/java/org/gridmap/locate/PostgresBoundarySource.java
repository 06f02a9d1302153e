package org.gridmap.locate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the current boundaries of every level from the {@code area} table, in one read-only
 * repeatable-read transaction so that the revision and the rows belong to the same moment. The
 * revision is {@code area_revision.revision}, bumped by a trigger on every write to {@code area}.
 */
public final class PostgresBoundarySource implements BoundarySource {
  private static final String REVISION = "SELECT revision FROM area_revision";
  private static final String LEVELS = "SELECT code FROM area_level ORDER BY rank";
  private static final String CURRENT_AREAS =
      """
      SELECT code, name, level, parent_code, ST_AsBinary(boundary), version
        FROM area
       WHERE valid_to IS NULL
      """;

  private final Jdbc jdbc;

  public PostgresBoundarySource(Database database) {
    this.jdbc =
        new Jdbc(
            database,
            e -> new IllegalStateException("cannot read boundaries: " + e.getMessage(), e));
  }

  @Override
  public long revision() {
    return jdbc.one(REVISION, ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public BoundarySet load() {
    return jdbc.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          }
          long revision;
          List<String> levels = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(REVISION)) {
            revision = rs.next() ? rs.getLong(1) : 0;
          }
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(LEVELS)) {
            while (rs.next()) {
              levels.add(rs.getString(1));
            }
          }
          List<Boundary> boundaries = new ArrayList<>();
          WKBReader wkb = new WKBReader(Wgs84.FACTORY);
          try (PreparedStatement ps = c.prepareStatement(CURRENT_AREAS)) {
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                boundaries.add(
                    new Boundary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        wkb.read(rs.getBytes(5)),
                        rs.getInt(6)));
              }
            }
          } catch (ParseException e) {
            throw new IllegalStateException("unreadable boundary in the database", e);
          }
          return new BoundarySet(revision, levels, boundaries);
        });
  }
}
