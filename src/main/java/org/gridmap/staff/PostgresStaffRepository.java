package org.gridmap.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.db.Sql;

/** {@link StaffRepository} on PostgreSQL with plain JDBC; writes and audit commit together. */
public final class PostgresStaffRepository implements StaffRepository {

  private static final String COLUMNS =
      """
      s.id, s.ref, s.name, s.phone, s.duties, s.public_name, s.public_photo, s.public_role,
      s.public_phone, s.public_duties, s.photo_type, s.created_at, s.updated_at
      """;

  /** Scope, area, role and text filters, bound in this order by {@link #bindList}. */
  private static final String LIST_WHERE =
      """
        FROM staff s
       WHERE EXISTS (SELECT 1 FROM staff_assignment x
                       JOIN area a ON a.code = x.area_code AND a.valid_to IS NULL
                      WHERE x.staff_id = s.id AND a.path LIKE ANY(?)
                        AND (?::text IS NULL OR a.path LIKE ?)
                        AND (?::text IS NULL OR x.role = ?))
         AND (?::text IS NULL OR s.name ILIKE ? OR s.phone LIKE ?)
      """;

  private static final String INSERT =
      "INSERT INTO staff (ref, name, phone, duties, public_name, public_photo, public_role,"
          + " public_phone, public_duties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private static final String FIELDS =
      "ref = ?, name = ?, phone = ?, duties = ?, public_name = ?, public_photo = ?,"
          + " public_role = ?, public_phone = ?, public_duties = ?";

  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresStaffRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, PostgresStaffRepository::failure);
    this.audit = audit;
  }

  @Override
  public Optional<StaffMember> find(long id) {
    return jdbc.withConnection(c -> Optional.ofNullable(find(c, id)));
  }

  @Override
  public Page list(Query q, Scope scope) {
    return jdbc.withConnection(
        c -> {
          long total;
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + LIST_WHERE)) {
            bindList(c, ps, q, scope);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<StaffMember> items;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + LIST_WHERE + " ORDER BY s.name, s.id LIMIT ? OFFSET ?")) {
            int i = bindList(c, ps, q, scope);
            ps.setInt(i++, q.size());
            ps.setLong(i, (long) (q.page() - 1) * q.size());
            items = read(c, ps);
          }
          return new Page(total, q.page(), q.size(), items);
        });
  }

  private static int bindList(Connection c, PreparedStatement ps, Query q, Scope scope)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("text", scope.likePatterns()));
    String area = q.areaPath() == null ? null : Scope.subtreePattern(q.areaPath());
    ps.setString(2, area);
    ps.setString(3, area);
    String role = q.role() == null ? null : q.role().code();
    ps.setString(4, role);
    ps.setString(5, role);
    String like = Sql.containsPattern(q.text());
    ps.setString(6, like);
    ps.setString(7, like);
    ps.setString(8, like);
    return 9;
  }

  @Override
  public List<StaffMember> assignedTo(List<String> areaCodes) {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM staff s WHERE EXISTS (SELECT 1 FROM staff_assignment x"
                      + " WHERE x.staff_id = s.id AND x.area_code = ANY(?)) ORDER BY s.id")) {
            ps.setArray(1, c.createArrayOf("text", areaCodes.toArray()));
            return read(c, ps);
          }
        });
  }

  @Override
  public long count() {
    return jdbc.one("SELECT count(*) FROM staff", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public StaffMember insert(StaffInput p, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id = insert(c, p);
          StaffMember created = find(c, id);
          audit.append(c, entry.about("staff", String.valueOf(id)).withDiff(null, fields(created)));
          return created;
        });
  }

  @Override
  public int insertAll(List<StaffInput> people, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          for (StaffInput p : people) {
            ids.add(Sql.insertReturningId(c, INSERT, ps -> bindFields(ps, p)));
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO staff_assignment (staff_id, area_code, role) VALUES (?, ?, ?)")) {
            for (int i = 0; i < people.size(); i++) {
              for (Assignment a : people.get(i).assignments()) {
                ps.setLong(1, ids.get(i));
                ps.setString(2, a.areaCode());
                ps.setString(3, a.role().code());
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          audit.append(c, entry.about("staff", null).withDetail(Map.of("inserted", people.size())));
          return people.size();
        });
  }

  private static long insert(Connection c, StaffInput p) throws SQLException {
    long id = Sql.insertReturningId(c, INSERT, ps -> bindFields(ps, p));
    setAssignments(c, id, p.assignments());
    return id;
  }

  @Override
  public StaffMember update(long id, StaffInput p, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          StaffMember before = require(c, id);
          Sql.execute(
              c,
              "UPDATE staff SET " + FIELDS + ", updated_at = now() WHERE id = ?",
              ps -> ps.setLong(bindFields(ps, p), id));
          Sql.execute(
              c, "DELETE FROM staff_assignment WHERE staff_id = ?", ps -> ps.setLong(1, id));
          setAssignments(c, id, p.assignments());
          StaffMember after = require(c, id);
          audit.append(
              c, entry.about("staff", String.valueOf(id)).withDiff(fields(before), fields(after)));
          return after;
        });
  }

  @Override
  public void delete(long id, AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          StaffMember before = require(c, id);
          Sql.execute(c, "DELETE FROM staff WHERE id = ?", ps -> ps.setLong(1, id));
          audit.append(c, entry.about("staff", String.valueOf(id)).withDiff(fields(before), null));
          return null;
        });
  }

  @Override
  public void setPhoto(long id, Photo photo, AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          StaffMember before = require(c, id);
          Sql.execute(
              c,
              "UPDATE staff SET photo = ?, photo_type = ?, updated_at = now() WHERE id = ?",
              ps -> {
                ps.setBytes(1, photo.bytes());
                ps.setString(2, photo.type());
                ps.setLong(3, id);
              });
          audit.append(
              c,
              entry
                  .about("staff", String.valueOf(id))
                  .withDiff(
                      Map.of("photo", before.photoType() == null ? "(placeholder)" : "(set)"),
                      Map.of("photo", "(changed, " + photo.bytes().length + " bytes)")));
          return null;
        });
  }

  @Override
  public Optional<Photo> photo(long id) {
    return jdbc.one(
        "SELECT photo, photo_type FROM staff WHERE id = ? AND photo IS NOT NULL",
        ps -> ps.setLong(1, id),
        rs -> new Photo(rs.getBytes(1), rs.getString(2)));
  }

  // --- plumbing ---

  private static int bindFields(PreparedStatement ps, StaffInput p) throws SQLException {
    PublicFields v = p.visibility() == null ? PublicFields.NONE : p.visibility();
    ps.setString(1, p.ref());
    ps.setString(2, p.name());
    ps.setString(3, p.phone());
    ps.setString(4, p.duties());
    ps.setBoolean(5, v.name());
    ps.setBoolean(6, v.photo());
    ps.setBoolean(7, v.role());
    ps.setBoolean(8, v.phone());
    ps.setBoolean(9, v.duties());
    return 10;
  }

  private static void setAssignments(Connection c, long id, List<Assignment> assignments)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO staff_assignment (staff_id, area_code, role) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (Assignment a : assignments) {
        ps.setLong(1, id);
        ps.setString(2, a.areaCode());
        ps.setString(3, a.role().code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static StaffMember require(Connection c, long id) throws SQLException {
    StaffMember m = find(c, id);
    if (m == null) {
      throw new StaffNotFound(id);
    }
    return m;
  }

  private static StaffMember find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM staff s WHERE s.id = ?")) {
      ps.setLong(1, id);
      List<StaffMember> found = read(c, ps);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  /** Runs the query for people and reads their assignments with one more query. */
  private static List<StaffMember> read(Connection c, PreparedStatement ps) throws SQLException {
    List<StaffMember> people = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        people.add(
            new StaffMember(
                rs.getLong("id"),
                rs.getString("ref"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("duties"),
                new PublicFields(
                    rs.getBoolean("public_name"),
                    rs.getBoolean("public_photo"),
                    rs.getBoolean("public_role"),
                    rs.getBoolean("public_phone"),
                    rs.getBoolean("public_duties")),
                List.of(),
                rs.getString("photo_type"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at")));
      }
    }
    if (people.isEmpty()) {
      return people;
    }
    Map<Long, List<Assignment>> assignments = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            """
            SELECT x.staff_id, x.area_code, x.role, a.name, a.path
              FROM staff_assignment x
              LEFT JOIN area a ON a.code = x.area_code AND a.valid_to IS NULL
             WHERE x.staff_id = ANY(?)
             ORDER BY x.staff_id, a.path, x.role
            """)) {
      q.setArray(1, c.createArrayOf("bigint", people.stream().map(StaffMember::id).toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          assignments
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new Assignment(
                      rs.getString(2),
                      StaffRole.ofCode(rs.getString(3)).orElseThrow(),
                      rs.getString(4),
                      rs.getString(5)));
        }
      }
    }
    return people.stream()
        .map(
            p ->
                new StaffMember(
                    p.id(),
                    p.ref(),
                    p.name(),
                    p.phone(),
                    p.duties(),
                    p.visibility(),
                    List.copyOf(assignments.getOrDefault(p.id(), List.of())),
                    p.photoType(),
                    p.createdAt(),
                    p.updatedAt()))
        .toList();
  }

  private static Map<String, Object> fields(StaffMember m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ref", m.ref());
    f.put("name", m.name());
    f.put("phone", m.phone());
    f.put("duties", m.duties());
    PublicFields v = m.visibility();
    Map<String, Object> visible = new LinkedHashMap<>();
    visible.put("name", v.name());
    visible.put("photo", v.photo());
    visible.put("role", v.role());
    visible.put("phone", v.phone());
    visible.put("duties", v.duties());
    f.put("public", visible);
    f.put(
        "assignments",
        m.assignments().stream().map(a -> a.areaCode() + ":" + a.role().code()).toList());
    return f;
  }

  private static RuntimeException failure(SQLException e) {
    if (Sql.isUniqueViolation(e)) {
      return Sql.conflict("staff_ref_taken", "A staff member with that ref is already stored");
    }
    return new IllegalStateException("staff storage failed", e);
  }
}
