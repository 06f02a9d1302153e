package org.gridmap.account;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridmap.access.Role;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.db.Sql;
import org.gridmap.error.DomainException;

/**
 * {@link AccountRepository} on PostgreSQL with plain JDBC; writes and their audit entries commit
 * together.
 */
public final class PostgresAccountRepository implements AccountRepository {

  private static final String ACCOUNT_COLUMNS =
      """
      a.id, a.username, a.display_name, a.role, a.disabled, a.created_at, a.updated_at,
      ARRAY(SELECT x.area_code FROM account_area x WHERE x.account_id = a.id ORDER BY x.area_code) AS areas
      """;

  private static final String KEY_COLUMNS =
      ", k.id AS key_id, k.secret_hash, k.name AS key_name, k.created_at AS k_created,"
          + " k.last_used_at, k.revoked_at, k.prefix FROM api_key k JOIN account a ON a.id = k.account_id";

  /** An account is within a scope when it has areas and every one of them lies under the scope. */
  private static final String IN_SCOPE =
      """
      (?::boolean OR (EXISTS (SELECT 1 FROM account_area x WHERE x.account_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM account_area x
                          LEFT JOIN area r ON r.code = x.area_code AND r.valid_to IS NULL
                         WHERE x.account_id = a.id AND (r.path IS NULL OR NOT r.path LIKE ANY(?)))))
      """;

  private static final String LIST_WHERE =
      " FROM account a WHERE a.role = ANY(?) AND (?::text IS NULL OR a.role = ?)"
          + " AND (?::text IS NULL OR a.username ILIKE ? OR a.display_name ILIKE ?) AND "
          + IN_SCOPE;

  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresAccountRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, PostgresAccountRepository::failure);
    this.audit = audit;
  }

  @Override
  public Optional<Credentials> findCredentials(String username) {
    return jdbc.one(
        "SELECT "
            + ACCOUNT_COLUMNS
            + ", a.password_hash FROM account a WHERE lower(a.username) = lower(?)",
        ps -> ps.setString(1, username),
        rs -> new Credentials(account(rs), rs.getString("password_hash")));
  }

  @Override
  public Optional<Account> find(long id) {
    return jdbc.one(
        "SELECT " + ACCOUNT_COLUMNS + " FROM account a WHERE a.id = ?",
        ps -> ps.setLong(1, id),
        PostgresAccountRepository::account);
  }

  @Override
  public Page list(
      Scope scope, Set<Role> roles, Role roleFilter, String search, int page, int size) {
    return jdbc.withConnection(
        c -> {
          Jdbc.Binder filters = ps -> bindListFilters(c, ps, scope, roles, roleFilter, search);
          long total;
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + LIST_WHERE)) {
            filters.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<Account> items = new java.util.ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ACCOUNT_COLUMNS
                      + LIST_WHERE
                      + " ORDER BY a.username LIMIT ? OFFSET ?")) {
            filters.bind(ps);
            ps.setInt(9, size);
            ps.setLong(10, (long) (page - 1) * size);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(account(rs));
              }
            }
          }
          return new Page(total, page, size, items);
        });
  }

  private static void bindListFilters(
      Connection c,
      PreparedStatement ps,
      Scope scope,
      Set<Role> roles,
      Role roleFilter,
      String search)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("text", roles.stream().map(Role::code).toArray()));
    String r = roleFilter == null ? null : roleFilter.code();
    ps.setString(2, r);
    ps.setString(3, r);
    String like =
        search == null ? null : "%" + search.replace("%", "\\%").replace("_", "\\_") + "%";
    ps.setString(4, like);
    ps.setString(5, like);
    ps.setString(6, like);
    ps.setBoolean(7, scope.all());
    ps.setArray(8, c.createArrayOf("text", scope.likePatterns()));
  }

  @Override
  public long countAccounts() {
    return jdbc.one("SELECT count(*) FROM account", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public List<String> areaPaths(List<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT path FROM area WHERE valid_to IS NULL AND code = ANY(?) ORDER BY path")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            List<String> paths = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                paths.add(rs.getString(1));
              }
            }
            return paths;
          }
        });
  }

  @Override
  public Account create(NewAccount n, String passwordHash, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id =
              Sql.insertReturningId(
                  c,
                  "INSERT INTO account (username, display_name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id",
                  ps -> {
                    ps.setString(1, n.username());
                    ps.setString(2, n.displayName());
                    ps.setString(3, n.role().code());
                    ps.setString(4, passwordHash);
                  });
          setAreas(c, id, n.areaCodes());
          Account created = find(c, id);
          audit.append(
              c, entry.about("account", String.valueOf(id)).withDiff(null, created.auditFields()));
          return created;
        });
  }

  @Override
  public Account update(long id, AccountChange change, String passwordHash, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          Account before = find(c, id);
          Sql.execute(
              c,
              "UPDATE account SET display_name = coalesce(?, display_name), role = coalesce(?, role),"
                  + " disabled = coalesce(?, disabled), password_hash = coalesce(?, password_hash),"
                  + " updated_at = now() WHERE id = ?",
              ps -> {
                ps.setString(1, change.displayName());
                ps.setString(2, change.role() == null ? null : change.role().code());
                if (change.disabled() == null) {
                  ps.setNull(3, Types.BOOLEAN);
                } else {
                  ps.setBoolean(3, change.disabled());
                }
                ps.setString(4, passwordHash);
                ps.setLong(5, id);
              });
          if (change.areaCodes() != null) {
            Sql.execute(
                c, "DELETE FROM account_area WHERE account_id = ?", ps -> ps.setLong(1, id));
            setAreas(c, id, change.areaCodes());
          }
          if (Boolean.TRUE.equals(change.disabled()) || passwordHash != null) {
            // A disabled account or a new password ends every open session of the account.
            Sql.execute(
                c, "DELETE FROM account_session WHERE account_id = ?", ps -> ps.setLong(1, id));
          }
          Account after = find(c, id);
          Map<String, Object> beforeFields = before.auditFields();
          Map<String, Object> afterFields = after.auditFields();
          if (passwordHash != null) {
            beforeFields.put("password", "(set)");
            afterFields.put("password", "(changed)");
          }
          audit.append(
              c, entry.about("account", String.valueOf(id)).withDiff(beforeFields, afterFields));
          return after;
        });
  }

  @Override
  public void createSession(byte[] tokenHash, long accountId, String csrfToken, Instant expiresAt) {
    jdbc.update(
        "INSERT INTO account_session (token_hash, account_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
        ps -> {
          ps.setBytes(1, tokenHash);
          ps.setLong(2, accountId);
          ps.setString(3, csrfToken);
          ps.setTimestamp(4, Timestamp.from(expiresAt));
        });
  }

  @Override
  public Optional<SessionRow> findSession(byte[] tokenHash) {
    return jdbc.one(
        "SELECT "
            + ACCOUNT_COLUMNS
            + ", s.csrf_token, s.created_at AS s_created, s.last_seen_at, s.expires_at"
            + " FROM account_session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?",
        ps -> ps.setBytes(1, tokenHash),
        rs ->
            new SessionRow(
                account(rs),
                rs.getString("csrf_token"),
                rs.getTimestamp("s_created").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant()));
  }

  @Override
  public void touchSession(byte[] tokenHash, Instant now) {
    jdbc.update(
        "UPDATE account_session SET last_seen_at = ? WHERE token_hash = ?",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setBytes(2, tokenHash);
        });
  }

  @Override
  public void deleteSession(byte[] tokenHash) {
    jdbc.update(
        "DELETE FROM account_session WHERE token_hash = ?", ps -> ps.setBytes(1, tokenHash));
  }

  @Override
  public long createApiKey(
      long accountId, String prefix, byte[] secretHash, String name, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id =
              Sql.insertReturningId(
                  c,
                  "INSERT INTO api_key (account_id, prefix, secret_hash, name) VALUES (?, ?, ?, ?) RETURNING id",
                  ps -> {
                    ps.setLong(1, accountId);
                    ps.setString(2, prefix);
                    ps.setBytes(3, secretHash);
                    ps.setString(4, name);
                  });
          audit.append(
              c,
              entry
                  .about("api_key", String.valueOf(id))
                  .withDiff(null, Map.of("name", name, "prefix", prefix, "account", accountId)));
          return id;
        });
  }

  @Override
  public Optional<ApiKeyRow> findApiKey(String prefix) {
    return jdbc.one(
        "SELECT " + ACCOUNT_COLUMNS + KEY_COLUMNS + " WHERE k.prefix = ?",
        ps -> ps.setString(1, prefix),
        PostgresAccountRepository::apiKey);
  }

  @Override
  public List<ApiKeyRow> apiKeysOf(long accountId) {
    return jdbc.list(
        "SELECT " + ACCOUNT_COLUMNS + KEY_COLUMNS + " WHERE k.account_id = ? ORDER BY k.id",
        ps -> ps.setLong(1, accountId),
        PostgresAccountRepository::apiKey);
  }

  @Override
  public boolean revokeApiKey(long accountId, long keyId, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          int n =
              Sql.execute(
                  c,
                  "UPDATE api_key SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL",
                  ps -> {
                    ps.setLong(1, keyId);
                    ps.setLong(2, accountId);
                  });
          if (n > 0) {
            audit.append(
                c,
                entry
                    .about("api_key", String.valueOf(keyId))
                    .withDiff(Map.of("revoked", false), Map.of("revoked", true)));
          }
          return n > 0;
        });
  }

  @Override
  public void markApiKeyUsed(long keyId, Instant now) {
    jdbc.update(
        "UPDATE api_key SET last_used_at = ? WHERE id = ?",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setLong(2, keyId);
        });
  }

  // --- plumbing ---

  private static void setAreas(Connection c, long id, List<String> codes) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO account_area (account_id, area_code) VALUES (?, ?)")) {
      for (String code : codes) {
        ps.setLong(1, id);
        ps.setString(2, code);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Account find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM account a WHERE a.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AccountNotFound(id);
        }
        return account(rs);
      }
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    Array areas = rs.getArray("areas");
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.ofCode(rs.getString("role")).orElseThrow(),
        areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()),
        rs.getBoolean("disabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static ApiKeyRow apiKey(ResultSet rs) throws SQLException {
    Timestamp used = rs.getTimestamp("last_used_at");
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiKeyRow(
        rs.getLong("key_id"),
        account(rs),
        rs.getBytes("secret_hash"),
        rs.getString("key_name"),
        rs.getTimestamp("k_created").toInstant(),
        used == null ? null : used.toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("prefix"));
  }

  private static RuntimeException failure(SQLException e) {
    if ("23505".equals(e.getSQLState())) {
      return new DomainException(
          DomainException.Kind.CONFLICT, "username_taken", "That username is already taken");
    }
    return new IllegalStateException("account storage failed", e);
  }
}
