package org.gridmap.area;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.area.ImportStore.CodeInUse;
import org.gridmap.area.ImportStore.Diff;
import org.gridmap.area.ImportStore.ParentMatch;
import org.gridmap.area.ImportStore.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Jdbc;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The transaction of one import on PostGIS. Features are staged in a temporary table ({@code ON
 * COMMIT DROP}); parents, conflicts and changes are then found with set-based SQL against {@code
 * area}, and the write is two statements: close the replaced versions, insert the new ones. Areas
 * in m² here are PostGIS {@code ST_Area(geography)} (geodesic edges).
 */
final class PostgresImportSession implements ImportStore.Session {
  private static final int BATCH = 500;

  /** Any number will do, as long as only imports take this advisory lock. */
  private static final long IMPORT_LOCK = 0x6772_6964_6d61_7001L;

  private static final String STAGING =
      """
      CREATE TEMP TABLE import_feature (
        feature     bigint PRIMARY KEY,
        code        text NOT NULL,
        name        text NOT NULL,
        parent_code text,
        boundary    geometry(MultiPolygon, 4326) NOT NULL
      ) ON COMMIT DROP
      """;

  private static final String STAGE =
      "INSERT INTO import_feature (feature, code, name, boundary)"
          + " VALUES (?, ?, ?, ST_GeomFromWKB(?, 4326))";

  private static final String LEVEL_ABOVE =
      """
      SELECT l.code FROM area_level l
       WHERE l.rank < (SELECT rank FROM area_level WHERE code = ?)
         AND EXISTS (SELECT 1 FROM area a WHERE a.level = l.code AND a.valid_to IS NULL)
       ORDER BY l.rank DESC LIMIT 1
      """;

  private static final String MATCH_PARENTS =
      """
      SELECT f.feature, p.code,
             ST_Area(ST_Intersection(f.boundary, p.boundary)::geography) AS shared,
             ST_Area(f.boundary::geography) AS own
        FROM import_feature f
        JOIN area p ON p.valid_to IS NULL AND p.level = ?
                   AND p.boundary && f.boundary AND ST_Intersects(p.boundary, f.boundary)
       ORDER BY f.feature, shared DESC, p.code
      """;

  /** The current areas an import replaces: its level, under its parents (or under none). */
  private static final String IN_SCOPE =
      " a.valid_to IS NULL AND a.level = ?"
          + " AND (a.parent_code = ANY(?) OR (?::boolean AND a.parent_code IS NULL))";

  private static final String CODES_IN_USE =
      "SELECT f.feature, f.code, a.level, a.parent_code FROM import_feature f"
          + " JOIN area a ON a.code = f.code AND a.valid_to IS NULL"
          + " WHERE NOT ("
          + IN_SCOPE
          + ") ORDER BY f.feature";

  private static final String SNAPSHOT_SCOPE =
      "CREATE TEMP TABLE import_current ON COMMIT DROP AS SELECT a.* FROM area a WHERE" + IN_SCOPE;

  /** A staged feature {@code f} differs from the current version {@code c} of its area. */
  private static final String DIFFERS =
      " (NOT ST_Equals(c.boundary, f.boundary) OR c.name <> f.name"
          + " OR c.parent_code IS DISTINCT FROM f.parent_code)";

  private static final String ADDED =
      """
      SELECT f.code, f.name, f.parent_code, ST_Area(f.boundary::geography)
        FROM import_feature f
       WHERE NOT EXISTS (SELECT 1 FROM import_current c WHERE c.code = f.code)
       ORDER BY f.feature
      """;

  private static final String REMOVED =
      """
      SELECT c.code, c.name, c.parent_code, ST_Area(c.boundary::geography),
             ARRAY(SELECT k.code FROM area k
                    WHERE k.parent_code = c.code AND k.valid_to IS NULL ORDER BY k.code)
        FROM import_current c
       WHERE NOT EXISTS (SELECT 1 FROM import_feature f WHERE f.code = c.code)
       ORDER BY c.code
      """;

  private static final String KEPT =
      """
      SELECT f.code, c.name, f.name, c.parent_code, f.parent_code,
             ST_Area(c.boundary::geography), ST_Area(f.boundary::geography),
             ST_Equals(c.boundary, f.boundary)
        FROM import_feature f JOIN import_current c ON c.code = f.code
       ORDER BY f.feature
      """;

  private static final String CLOSE =
      "UPDATE area a SET valid_to = now() FROM import_current c WHERE a.id = c.id AND ("
          + " NOT EXISTS (SELECT 1 FROM import_feature f WHERE f.code = c.code)"
          + " OR EXISTS (SELECT 1 FROM import_feature f WHERE f.code = c.code AND"
          + DIFFERS
          + "))";

  private static final String INSERT =
      "INSERT INTO area (code, name, name_en, kind, level, parent_code, boundary, version,"
          + " valid_from)"
          + " SELECT f.code, f.name, c.name_en, c.kind, ?, f.parent_code, f.boundary,"
          + " COALESCE((SELECT max(h.version) FROM area h WHERE h.code = f.code), 0) + 1, now()"
          + " FROM import_feature f LEFT JOIN import_current c ON c.code = f.code"
          + " WHERE c.id IS NULL OR"
          + DIFFERS
          + " ORDER BY f.feature";

  /**
   * An area that moved to another parent takes its descendants along: their materialised paths are
   * rewritten from the old prefix to the new one.
   */
  private static final String MOVE_DESCENDANTS =
      """
      UPDATE area d SET path = n.path || substr(d.path, length(c.path) + 1)
        FROM import_current c JOIN area n ON n.code = c.code AND n.valid_to IS NULL
       WHERE c.path <> n.path AND d.valid_to IS NULL AND d.id <> n.id
         AND left(d.path, length(c.path)) = c.path
      """;

  /**
   * Opens the transaction of one import on a connection of its own, with an empty staging table.
   */
  static PostgresImportSession open(Connection c, AuditLog audit) {
    try {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // The planner cannot see into the staging table and prices ST_Equals high; compiling the
        // plans with JIT then costs far more than running them.
        s.execute("SET LOCAL jit = off");
        s.execute(STAGING);
      }
      return new PostgresImportSession(c, audit);
    } catch (SQLException e) {
      closeQuietly(c);
      throw PostgresImportStore.translate(e);
    }
  }

  private final Connection c;
  private final AuditLog audit;

  private final PreparedStatement stage;
  private final WKBWriter wkb = new WKBWriter(2);
  private final WKBReader wkbReader = new WKBReader(Wgs84.FACTORY);
  private int pending;
  private boolean analyzed;
  private boolean done;

  private PostgresImportSession(Connection c, AuditLog audit) throws SQLException {
    this.c = c;
    this.audit = audit;
    this.stage = c.prepareStatement(STAGE);
  }

  @Override
  public void stage(long feature, String code, String name, MultiPolygon boundary) {
    try {
      stage.setLong(1, feature);
      stage.setString(2, code);
      stage.setString(3, name);
      stage.setBytes(4, wkb.write(boundary));
      stage.addBatch();
      if (++pending >= BATCH) {
        stage.executeBatch();
        pending = 0;
      }
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
  }

  /**
   * Before the first query on the staged rows: sends those still batched and gives the planner
   * their statistics.
   */
  private void flush() throws SQLException {
    if (pending > 0) {
      stage.executeBatch();
      pending = 0;
    }
    if (!analyzed) {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE import_feature");
      }
      analyzed = true;
    }
  }

  @Override
  public String levelAbove(String level) {
    return query(LEVEL_ABOVE, ps -> ps.setString(1, level), rs -> rs.getString(1)).stream()
        .findFirst()
        .orElse(null);
  }

  @Override
  public List<ParentMatch> matchParents(String parentLevel) {
    return query(
        MATCH_PARENTS,
        ps -> ps.setString(1, parentLevel),
        rs -> new ParentMatch(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
  }

  @Override
  public void assignParents(Map<Long, String> parentByFeature) {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE import_feature SET parent_code = ? WHERE feature = ?")) {
      flush();
      for (Map.Entry<Long, String> e : parentByFeature.entrySet()) {
        ps.setString(1, e.getValue());
        ps.setLong(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
  }

  @Override
  public void assignParent(String parent) {
    try (PreparedStatement ps = c.prepareStatement("UPDATE import_feature SET parent_code = ?")) {
      flush();
      ps.setString(1, parent);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
  }

  @Override
  public void lockImports() {
    query("SELECT pg_advisory_xact_lock(?)", ps -> ps.setLong(1, IMPORT_LOCK), rs -> 1);
  }

  @Override
  public List<CodeInUse> codesInUse(Scope scope) {
    return query(
        CODES_IN_USE,
        ps -> bindScope(ps, 1, scope),
        rs -> new CodeInUse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  @Override
  public Diff diff(Scope scope) {
    try {
      flush();
      try (PreparedStatement ps = c.prepareStatement("DROP TABLE IF EXISTS import_current")) {
        ps.execute();
      }
      try (PreparedStatement ps = c.prepareStatement(SNAPSHOT_SCOPE)) {
        bindScope(ps, 1, scope);
        ps.execute();
      }
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
    List<ImportReport.AreaChange> added =
        query(
            ADDED,
            ps -> {},
            rs ->
                ImportReport.AreaChange.of(
                    rs.getString(1),
                    null,
                    rs.getString(2),
                    null,
                    rs.getString(3),
                    null,
                    rs.getDouble(4)));
    Map<String, List<String>> children = new LinkedHashMap<>();
    List<ImportReport.AreaChange> removed =
        query(
            REMOVED,
            ps -> {},
            rs -> {
              List<String> kids = strings(rs.getArray(5));
              if (!kids.isEmpty()) {
                children.put(rs.getString(1), kids);
              }
              return ImportReport.AreaChange.of(
                  rs.getString(1),
                  rs.getString(2),
                  null,
                  rs.getString(3),
                  null,
                  rs.getDouble(4),
                  null);
            });
    List<ImportReport.AreaChange> reshaped = new ArrayList<>();
    List<ImportReport.AreaChange> updated = new ArrayList<>();
    int[] unchanged = {0};
    query(
        KEPT,
        ps -> {},
        rs -> {
          ImportReport.AreaChange change =
              ImportReport.AreaChange.of(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getDouble(6),
                  rs.getDouble(7));
          boolean sameShape = rs.getBoolean(8);
          boolean sameRest =
              change.nameBefore().equals(change.nameAfter())
                  && java.util.Objects.equals(change.parentBefore(), change.parentAfter());
          if (!sameShape) {
            reshaped.add(change);
          } else if (!sameRest) {
            updated.add(change);
          } else {
            unchanged[0]++;
          }
          return change;
        });
    return new Diff(added, removed, reshaped, updated, unchanged[0], children);
  }

  @Override
  public Geometry currentBoundary(String code) {
    return query(
            "SELECT ST_AsBinary(boundary) FROM area WHERE code = ? AND valid_to IS NULL",
            ps -> ps.setString(1, code),
            rs -> geometry(rs.getBytes(1)))
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Override
  public List<CoverageQa.Child> stagedChildren(String parent) {
    return query(
        "SELECT code, ST_AsBinary(boundary) FROM import_feature WHERE parent_code = ?"
            + " ORDER BY feature",
        ps -> ps.setString(1, parent),
        rs -> new CoverageQa.Child(rs.getString(1), geometry(rs.getBytes(2))));
  }

  @Override
  public Instant commit(Scope scope, AuditEntry entry) {
    try {
      flush();
      try (PreparedStatement close = c.prepareStatement(CLOSE)) {
        close.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        insert.setString(1, scope.level());
        insert.executeUpdate();
      }
      try (PreparedStatement move = c.prepareStatement(MOVE_DESCENDANTS)) {
        move.executeUpdate();
      }
      Instant at;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT now()")) {
        rs.next();
        at = rs.getTimestamp(1).toInstant();
      }
      audit.append(c, entry);
      c.commit();
      done = true;
      return at;
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
  }

  @Override
  public void close() {
    try {
      stage.close();
      if (!done) {
        c.rollback();
      }
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is broken; the pool discards it and Postgres rolls back
    } finally {
      closeQuietly(c);
    }
  }

  private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> reader) {
    try {
      flush();
      return Jdbc.list(c, sql, binder, reader);
    } catch (SQLException e) {
      throw PostgresImportStore.translate(e);
    }
  }

  private void bindScope(PreparedStatement ps, int first, Scope scope) throws SQLException {
    ps.setString(first, scope.level());
    ps.setArray(first + 1, c.createArrayOf("text", scope.parents().toArray()));
    ps.setBoolean(first + 2, scope.roots());
  }

  private Geometry geometry(byte[] bytes) {
    try {
      Geometry g = wkbReader.read(bytes);
      g.setSRID(Wgs84.SRID);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS returned unreadable WKB", e);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more to do with a connection that will not close
    }
  }
}
