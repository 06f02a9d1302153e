package org.gridmap.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.BulkGridAssignment.PointTable;
import org.gridmap.area.BulkGridAssignment.Reassignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.db.Sql;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.MultiPolygon;

/** {@link BuildingRepository} on PostGIS with plain JDBC; writes and audit commit together. */
public final class PostgresBuildingRepository implements BuildingRepository {

  private static final String COLUMNS =
      """
      b.id, b.ref, b.address, ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat,
      ST_AsBinary(b.footprint) AS footprint, b.grid_code, b.path, b.boundary_version,
      b.households, b.registered_residents, b.floating_residents, b.rental_units,
      b.assigned_at, b.created_at, b.updated_at
      """;

  /** Scope and the optional area and text filters, bound in this order by {@link #bindList}. */
  private static final String LIST_WHERE =
      """
       FROM building b
      WHERE b.path LIKE ANY(?)
        AND (?::text IS NULL OR b.path LIKE ?)
        AND (?::text IS NULL OR b.address ILIKE ? OR b.ref ILIKE ?)
      """;

  static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

  private static final String INSERT =
      "INSERT INTO building (ref, address, geom, footprint, grid_code, path, boundary_version,"
          + " households, registered_residents, floating_residents, rental_units) VALUES (?, ?, "
          + POINT
          + ", ST_GeomFromWKB(?, 4326), ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private static final String UPDATE =
      "UPDATE building SET ref = ?, address = ?, geom = "
          + POINT
          + ", footprint = ST_GeomFromWKB(?, 4326), grid_code = ?, path = ?, boundary_version = ?,"
          + " households = ?, registered_residents = ?, floating_residents = ?, rental_units = ?,"
          + " assigned_at = CASE WHEN grid_code = ? AND boundary_version = ? THEN assigned_at"
          + " ELSE now() END, updated_at = now() WHERE id = ?";

  private static final PointTable BUILDINGS = new PointTable("building", "id", "geom");

  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresBuildingRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, PostgresBuildingRepository::failure);
    this.audit = audit;
  }

  @Override
  public Optional<Building> find(long id, Scope scope) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM building b WHERE b.id = ? AND b.path LIKE ANY(?)",
        ps -> {
          ps.setLong(1, id);
          ps.setArray(2, ps.getConnection().createArrayOf("text", scope.likePatterns()));
        },
        PostgresBuildingRepository::building);
  }

  @Override
  public Optional<String> pathOf(long id) {
    return jdbc.one(
        "SELECT path FROM building WHERE id = ?", ps -> ps.setLong(1, id), rs -> rs.getString(1));
  }

  @Override
  public Page list(Query q, Scope scope) {
    long total =
        jdbc.one("SELECT count(*)" + LIST_WHERE, ps -> bindList(ps, q, scope), rs -> rs.getLong(1))
            .orElse(0L);
    List<Building> items =
        jdbc.list(
            "SELECT " + COLUMNS + LIST_WHERE + " ORDER BY b.path, b.id LIMIT ? OFFSET ?",
            ps -> {
              int i = bindList(ps, q, scope);
              ps.setInt(i++, q.size());
              ps.setLong(i, (long) (q.page() - 1) * q.size());
            },
            PostgresBuildingRepository::building);
    return new Page(total, q.page(), q.size(), items);
  }

  private static int bindList(PreparedStatement ps, Query q, Scope scope) throws SQLException {
    ps.setArray(1, ps.getConnection().createArrayOf("text", scope.likePatterns()));
    String area = q.areaPath() == null ? null : Scope.subtreePattern(q.areaPath());
    ps.setString(2, area);
    ps.setString(3, area);
    String like = Sql.containsPattern(q.text());
    ps.setString(4, like);
    ps.setString(5, like);
    ps.setString(6, like);
    return 7;
  }

  @Override
  public long count() {
    return jdbc.one("SELECT count(*) FROM building", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public Building insert(BuildingDraft d, GridAssignment grid, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id = Sql.insertReturningId(c, INSERT, ps -> bindDraft(ps, d, grid));
          Building created = find(c, id);
          audit.append(
              c, entry.about("building", String.valueOf(id)).withDiff(null, fields(created)));
          return created;
        });
  }

  @Override
  public Building update(long id, BuildingDraft d, GridAssignment grid, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          Building before = find(c, id);
          Sql.execute(
              c,
              UPDATE,
              ps -> {
                int i = bindDraft(ps, d, grid);
                ps.setString(i++, before.gridCode());
                ps.setInt(i++, before.boundaryVersion());
                ps.setLong(i, id);
              });
          Building after = find(c, id);
          audit.append(
              c,
              entry.about("building", String.valueOf(id)).withDiff(fields(before), fields(after)));
          return after;
        });
  }

  @Override
  public void delete(long id, AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          Building before = find(c, id);
          Sql.execute(c, "DELETE FROM building WHERE id = ?", ps -> ps.setLong(1, id));
          audit.append(
              c, entry.about("building", String.valueOf(id)).withDiff(fields(before), null));
          return null;
        });
  }

  @Override
  public ImportReport insertAll(
      List<BuildingRow> rows, String crs, Scope scope, AuditEntry entry, ImportProgress progress) {
    return jdbc.inTransaction(
        c -> {
          ImportReport report = StagedBuildingImport.store(c, rows, crs, scope, progress);
          audit.append(
              c,
              entry
                  .about("building", null)
                  .withDetail(
                      Map.of(
                          "imported",
                          report.imported(),
                          "crs",
                          crs,
                          "grids",
                          report.byGrid().size())));
          return report;
        });
  }

  @Override
  public Reassignment reassign(String areaCode, String areaPath, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          Reassignment r = BulkGridAssignment.reassignUnder(c, BUILDINGS, areaCode, areaPath);
          audit.append(c, entry.about("area", areaCode).withDetail(r.auditDetail()));
          return r;
        });
  }

  @Override
  public List<ChildTotals> totalsByChild(String areaPath) {
    return jdbc.list(
        """
        SELECT split_part(substr(b.path, length(?) + 1), '/', 1) AS child, count(*),
               sum(b.households), sum(b.registered_residents), sum(b.floating_residents),
               sum(b.rental_units)
          FROM building b
         WHERE b.path LIKE ?
         GROUP BY 1
        """,
        ps -> {
          ps.setString(1, areaPath);
          ps.setString(2, Scope.subtreePattern(areaPath));
        },
        rs ->
            new ChildTotals(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6)));
  }

  // --- plumbing ---

  private static int bindDraft(PreparedStatement ps, BuildingDraft d, GridAssignment grid)
      throws SQLException {
    ps.setString(1, d.ref());
    ps.setString(2, d.address());
    ps.setDouble(3, d.lon());
    ps.setDouble(4, d.lat());
    ps.setBytes(5, Sql.wkb(d.footprint()));
    ps.setString(6, grid.gridCode());
    ps.setString(7, grid.path());
    ps.setInt(8, grid.boundaryVersion());
    ps.setInt(9, d.counts().households());
    ps.setInt(10, d.counts().registeredResidents());
    ps.setInt(11, d.counts().floatingResidents());
    ps.setInt(12, d.counts().rentalUnits());
    return 13;
  }

  private static Building find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM building b WHERE b.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BuildingNotFound(id);
        }
        return building(rs);
      }
    }
  }

  private static Building building(ResultSet rs) throws SQLException {
    return new Building(
        rs.getLong("id"),
        rs.getString("ref"),
        rs.getString("address"),
        rs.getDouble("lon"),
        rs.getDouble("lat"),
        Sql.geometry(rs, "footprint", Wgs84.FACTORY, MultiPolygon.class),
        rs.getString("grid_code"),
        rs.getString("path"),
        rs.getInt("boundary_version"),
        new HouseholdCounts(
            rs.getInt("households"),
            rs.getInt("registered_residents"),
            rs.getInt("floating_residents"),
            rs.getInt("rental_units")),
        Sql.instant(rs, "assigned_at"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }

  /** The audited fields of a building (the footprint as its WKT length would be noise: "set"). */
  private static Map<String, Object> fields(Building b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", b.ref());
    m.put("address", b.address());
    m.put("lon", b.lon());
    m.put("lat", b.lat());
    m.put("footprint", b.footprint() == null ? null : "(set)");
    m.put("grid", b.gridCode());
    m.put("households", b.counts().households());
    m.put("registeredResidents", b.counts().registeredResidents());
    m.put("floatingResidents", b.counts().floatingResidents());
    m.put("rentalUnits", b.counts().rentalUnits());
    return m;
  }

  private static RuntimeException failure(SQLException e) {
    if (Sql.isUniqueViolation(e)) {
      return Sql.conflict("building_ref_taken", "A building with that id (ref) is already stored");
    }
    if (Sql.isForeignKeyViolation(e)) {
      return Sql.conflict(
          "building_surveyed",
          "The building has survey records and cannot be deleted; correct it instead");
    }
    return new IllegalStateException("building storage failed", e);
  }
}
