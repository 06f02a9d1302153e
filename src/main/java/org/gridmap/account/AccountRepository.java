package org.gridmap.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridmap.access.Role;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;

/**
 * Accounts, sessions and API keys. Every write takes the audit entry that describes it and stores
 * both in one transaction.
 */
public interface AccountRepository {

  /** An account with its password hash, for logging in. */
  record Credentials(Account account, String passwordHash) {}

  /** A live session joined with its account. */
  record SessionRow(
      Account account,
      String csrfToken,
      Instant createdAt,
      Instant lastSeenAt,
      Instant expiresAt) {}

  /** An API key's stored form. */
  record ApiKeyRow(
      long id,
      Account account,
      byte[] secretHash,
      String name,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String prefix) {}

  record Page(long total, int page, int size, List<Account> items) {}

  Optional<Credentials> findCredentials(String username);

  Optional<Account> find(long id);

  /**
   * Accounts whose every area lies inside {@code scope} and whose role is one of {@code roles};
   * filter and paging are applied in the query.
   */
  Page list(Scope scope, Set<Role> roles, Role roleFilter, String search, int page, int size);

  long countAccounts();

  /** Current materialised paths of the given area codes; unknown codes are absent. */
  List<String> areaPaths(List<String> codes);

  Account create(NewAccount account, String passwordHash, AuditEntry audit);

  Account update(long id, AccountChange change, String passwordHash, AuditEntry audit);

  void createSession(byte[] tokenHash, long accountId, String csrfToken, Instant expiresAt);

  Optional<SessionRow> findSession(byte[] tokenHash);

  void touchSession(byte[] tokenHash, Instant now);

  void deleteSession(byte[] tokenHash);

  long createApiKey(
      long accountId, String prefix, byte[] secretHash, String name, AuditEntry audit);

  Optional<ApiKeyRow> findApiKey(String prefix);

  List<ApiKeyRow> apiKeysOf(long accountId);

  boolean revokeApiKey(long accountId, long keyId, AuditEntry audit);

  void markApiKeyUsed(long keyId, Instant now);
}
