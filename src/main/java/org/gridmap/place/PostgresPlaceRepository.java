package org.gridmap.place;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.BulkGridAssignment.PointTable;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.db.Sql;

/** {@link PlaceRepository} on PostGIS with plain JDBC; writes and audit commit together. */
public final class PostgresPlaceRepository implements PlaceRepository {

  private static final String COLUMNS =
      """
      p.id, p.ref, p.category, p.name, p.address, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
      p.grid_code, g.name AS grid_name, p.path, p.boundary_version, p.inspection_days,
      p.last_inspected_at, p.created_at, p.updated_at
        FROM key_place p
        LEFT JOIN area g ON g.code = p.grid_code AND g.valid_to IS NULL
      """;

  /** Overdue at the bound instant: never inspected, or the interval since the last one passed. */
  private static final String OVERDUE =
      "(p.last_inspected_at IS NULL"
          + " OR p.last_inspected_at + make_interval(days => p.inspection_days) < ?)";

  static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

  static final String INSERT =
      "INSERT INTO key_place (ref, category, name, address, geom, grid_code, path,"
          + " boundary_version, inspection_days) VALUES (?, ?, ?, ?, "
          + POINT
          + ", ?, ?, ?, ?) RETURNING id";

  private static final String INSPECTION_COLUMNS =
      "id, place_id, inspected_at, inspector, result, hazards, note, hazard_event_id,"
          + " recorded_by, created_at";

  private static final PointTable PLACES = new PointTable("key_place", "id", "geom");

  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresPlaceRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, PostgresPlaceRepository::failure);
    this.audit = audit;
  }

  @Override
  public List<PlaceCategory> categories() {
    return jdbc.list(
        "SELECT code, name_zh, name_en FROM place_category ORDER BY rank",
        ps -> {},
        rs -> new PlaceCategory(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  @Override
  public Optional<KeyPlace> find(long id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " WHERE p.id = ?",
        ps -> ps.setLong(1, id),
        PostgresPlaceRepository::place);
  }

  @Override
  public List<KeyPlace> list(Query q) {
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + """
             WHERE (?::text IS NULL OR p.path LIKE ?)
               AND (?::text IS NULL OR p.category = ?)
               AND (NOT ?::boolean OR (p.path LIKE ANY(?) AND
            """
            + OVERDUE
            + "))\n ORDER BY p.path, p.category, p.id",
        ps -> {
          String area = q.areaPath() == null ? null : Scope.subtreePattern(q.areaPath());
          ps.setString(1, area);
          ps.setString(2, area);
          ps.setString(3, q.category());
          ps.setString(4, q.category());
          Scope overdue = q.overdueWithin();
          ps.setBoolean(5, overdue != null);
          ps.setArray(
              6,
              ps.getConnection()
                  .createArrayOf("text", overdue == null ? new String[0] : overdue.likePatterns()));
          ps.setTimestamp(7, Timestamp.from(q.now()));
        },
        PostgresPlaceRepository::place);
  }

  @Override
  public long count() {
    return jdbc.one("SELECT count(*) FROM key_place", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public KeyPlace insert(PlaceChange p, GridAssignment grid, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id = Sql.insertReturningId(c, INSERT, ps -> bind(ps, p, grid));
          KeyPlace created = find(c, id);
          audit.append(
              c, entry.about("key_place", String.valueOf(id)).withDiff(null, fields(created)));
          return created;
        });
  }

  @Override
  public KeyPlace update(long id, PlaceChange p, GridAssignment grid, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          KeyPlace before = find(c, id);
          Sql.execute(
              c,
              "UPDATE key_place SET ref = ?, category = ?, name = ?, address = ?, geom = "
                  + POINT
                  + ", grid_code = ?, path = ?, boundary_version = ?, inspection_days = ?,"
                  + " assigned_at = CASE WHEN grid_code = ? AND boundary_version = ?"
                  + " THEN assigned_at ELSE now() END, updated_at = now() WHERE id = ?",
              ps -> {
                int i = bind(ps, p, grid);
                ps.setString(i++, before.gridCode());
                ps.setInt(i++, before.boundaryVersion());
                ps.setLong(i, id);
              });
          KeyPlace after = find(c, id);
          audit.append(
              c,
              entry.about("key_place", String.valueOf(id)).withDiff(fields(before), fields(after)));
          return after;
        });
  }

  @Override
  public int insertAll(List<PlaceWithHistory> places, Scope scope, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          int inspections = PlaceBulkInsert.store(c, places, scope, entry);
          audit.append(
              c,
              entry
                  .about("key_place", null)
                  .withDetail(Map.of("inserted", places.size(), "inspections", inspections)));
          return places.size();
        });
  }

  @Override
  public void delete(long id, AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          KeyPlace before = find(c, id);
          Sql.execute(c, "DELETE FROM key_place WHERE id = ?", ps -> ps.setLong(1, id));
          audit.append(
              c, entry.about("key_place", String.valueOf(id)).withDiff(fields(before), null));
          return null;
        });
  }

  @Override
  public Inspection addInspection(
      long placeId, NewInspection n, String hazardEventId, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          find(c, placeId);
          long id =
              Sql.insertReturningId(
                  c,
                  "INSERT INTO place_inspection (place_id, inspected_at, inspector, result,"
                      + " hazards, note, hazard_event_id, recorded_by_id, recorded_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  ps -> {
                    ps.setLong(1, placeId);
                    ps.setTimestamp(2, Timestamp.from(n.inspectedAt()));
                    ps.setString(3, n.inspector());
                    ps.setString(4, n.result().code());
                    ps.setString(5, n.hazards());
                    ps.setString(6, n.note());
                    ps.setString(7, hazardEventId);
                    Sql.setNullableLong(ps, 8, entry.actorId());
                    ps.setString(9, entry.actor());
                  });
          Sql.execute(
              c,
              "UPDATE key_place SET last_inspected_at = greatest(last_inspected_at, ?)"
                  + " WHERE id = ?",
              ps -> {
                ps.setTimestamp(1, Timestamp.from(n.inspectedAt()));
                ps.setLong(2, placeId);
              });
          Inspection created = inspection(c, id);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("place", placeId);
          after.put("inspectedAt", created.inspectedAt().toString());
          after.put("inspector", created.inspector());
          after.put("result", created.result().code());
          after.put("hazards", created.hazards());
          after.put("note", created.note());
          after.put("hazardEventId", created.hazardEventId());
          audit.append(
              c, entry.about("place_inspection", String.valueOf(id)).withDiff(null, after));
          return created;
        });
  }

  @Override
  public List<Inspection> inspections(long placeId, int limit) {
    return jdbc.list(
        "SELECT "
            + INSPECTION_COLUMNS
            + " FROM place_inspection WHERE place_id = ?"
            + " ORDER BY inspected_at DESC, id DESC LIMIT ?",
        ps -> {
          ps.setLong(1, placeId);
          ps.setInt(2, limit);
        },
        PostgresPlaceRepository::inspection);
  }

  @Override
  public BulkGridAssignment.Reassignment reassign(
      String areaCode, String areaPath, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          var r = BulkGridAssignment.reassignUnder(c, PLACES, areaCode, areaPath);
          audit.append(c, entry.about("area", areaCode).withDetail(r.auditDetail()));
          return r;
        });
  }

  @Override
  public List<PlaceTally> tallyByChild(String areaPath, Instant now) {
    record Row(String child, String category, long total, long overdue) {}
    List<Row> rows =
        jdbc.list(
            "SELECT split_part(substr(p.path, length(?) + 1), '/', 1) AS child, p.category,"
                + " count(*), count(*) FILTER (WHERE "
                + OVERDUE
                + ") FROM key_place p WHERE p.path LIKE ? GROUP BY 1, 2",
            ps -> {
              ps.setString(1, areaPath);
              ps.setTimestamp(2, Timestamp.from(now));
              ps.setString(3, Scope.subtreePattern(areaPath));
            },
            rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    Map<String, PlaceTally> byChild = new TreeMap<>();
    for (Row r : rows) {
      PlaceTally t =
          byChild.getOrDefault(r.child(), new PlaceTally(r.child(), 0, new TreeMap<>(), 0, 0));
      Map<String, Long> categories = new TreeMap<>(t.byCategory());
      categories.merge(r.category(), r.total(), Long::sum);
      byChild.put(
          r.child(),
          new PlaceTally(
              r.child(),
              t.total() + r.total(),
              categories,
              t.upToDate() + r.total() - r.overdue(),
              t.overdue() + r.overdue()));
    }
    return List.copyOf(byChild.values());
  }

  // --- plumbing ---

  static int bind(PreparedStatement ps, PlaceChange p, GridAssignment grid) throws SQLException {
    ps.setString(1, p.ref());
    ps.setString(2, p.category());
    ps.setString(3, p.name());
    ps.setString(4, p.address());
    ps.setDouble(5, p.lon());
    ps.setDouble(6, p.lat());
    ps.setString(7, grid.gridCode());
    ps.setString(8, grid.path());
    ps.setInt(9, grid.boundaryVersion());
    ps.setInt(10, p.inspectionDays());
    return 11;
  }

  private static KeyPlace find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " WHERE p.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PlaceNotFound(id);
        }
        return place(rs);
      }
    }
  }

  private static Inspection inspection(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + INSPECTION_COLUMNS + " FROM place_inspection WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return inspection(rs);
      }
    }
  }

  private static KeyPlace place(ResultSet rs) throws SQLException {
    return new KeyPlace(
        rs.getLong("id"),
        rs.getString("ref"),
        rs.getString("category"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getDouble("lon"),
        rs.getDouble("lat"),
        rs.getString("grid_code"),
        rs.getString("grid_name"),
        rs.getString("path"),
        rs.getInt("boundary_version"),
        rs.getInt("inspection_days"),
        Sql.instant(rs, "last_inspected_at"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }

  private static Inspection inspection(ResultSet rs) throws SQLException {
    return new Inspection(
        rs.getLong("id"),
        rs.getLong("place_id"),
        Sql.instant(rs, "inspected_at"),
        rs.getString("inspector"),
        InspectionResult.ofCode(rs.getString("result")).orElseThrow(),
        rs.getString("hazards"),
        rs.getString("note"),
        rs.getString("hazard_event_id"),
        rs.getString("recorded_by"),
        Sql.instant(rs, "created_at"));
  }

  private static Map<String, Object> fields(KeyPlace p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", p.ref());
    m.put("category", p.category());
    m.put("name", p.name());
    m.put("address", p.address());
    m.put("lon", p.lon());
    m.put("lat", p.lat());
    m.put("grid", p.gridCode());
    m.put("inspectionDays", p.inspectionDays());
    return m;
  }

  private static RuntimeException failure(SQLException e) {
    if (Sql.isUniqueViolation(e)) {
      return Sql.conflict("place_ref_taken", "A key place with that ref is already stored");
    }
    if (Sql.isForeignKeyViolation(e)) {
      return Sql.conflict("place_inspected", "The key place has inspections and cannot be deleted");
    }
    return new IllegalStateException("key place storage failed", e);
  }
}
