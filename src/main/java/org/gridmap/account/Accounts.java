package org.gridmap.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;

/**
 * Accounts and who may manage whom: admins manage everyone; a town leader manages community leaders
 * and grid staff inside their town; a community leader manages grid staff inside their community;
 * grid staff manage nobody. "Inside" means every area of the managed account lies in the manager's
 * scope, and that is applied inside the database query.
 */
public final class Accounts {
  private static final String USERNAME = "^[A-Za-z0-9_.@-]{3,64}$";

  private final AccountRepository repo;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Duration sessionIdle;
  private final Duration sessionMax;
  private final Clock clock;
  private final String dummyHash;

  public Accounts(
      AccountRepository repo,
      PasswordHasher hasher,
      int maxFailures,
      Duration lockout,
      Duration sessionIdle,
      Duration sessionMax,
      Clock clock) {
    this.repo = repo;
    this.hasher = hasher;
    this.throttle = new LoginThrottle(maxFailures, lockout, clock);
    this.sessionIdle = sessionIdle;
    this.sessionMax = sessionMax;
    this.clock = clock;
    this.dummyHash = hasher.dummyHash();
  }

  // --- authentication ---

  public LoginResult login(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      throw DomainException.invalid("invalid_credentials", "username and password are required");
    }
    long locked = throttle.lockedForSeconds(username);
    if (locked > 0) {
      throw AuthFailure.locked(locked);
    }
    var credentials = repo.findCredentials(username);
    // Spend the same time whether or not the username exists.
    boolean ok = hasher.verify(password, credentials.map(c -> c.passwordHash()).orElse(dummyHash));
    if (!ok || credentials.isEmpty() || credentials.get().account().disabled()) {
      throttle.failed(username);
      long nowLocked = throttle.lockedForSeconds(username);
      if (nowLocked > 0) {
        throw AuthFailure.locked(nowLocked);
      }
      throw AuthFailure.badCredentials();
    }
    throttle.succeeded(username);
    Account account = credentials.get().account();
    String token = Secrets.token(32);
    String csrf = Secrets.token(24);
    Instant expires = clock.instant().plus(sessionMax);
    repo.createSession(Secrets.sha256(token), account.id(), csrf, expires);
    return new LoginResult(principalOf(account, Principal.Via.SESSION, csrf), token, expires);
  }

  public void logout(String sessionToken) {
    if (sessionToken != null) {
      repo.deleteSession(Secrets.sha256(sessionToken));
    }
  }

  /**
   * The caller behind a session cookie, or null when the session is unknown, idle too long or over.
   */
  public Principal authenticateSession(String sessionToken) {
    byte[] hash = Secrets.sha256(sessionToken);
    var row = repo.findSession(hash).orElse(null);
    if (row == null) {
      return null;
    }
    Instant now = clock.instant();
    if (row.account().disabled()
        || now.isAfter(row.expiresAt())
        || now.isAfter(row.lastSeenAt().plus(sessionIdle))) {
      repo.deleteSession(hash);
      return null;
    }
    if (Duration.between(row.lastSeenAt(), now).toSeconds() >= 30) {
      repo.touchSession(hash, now);
    }
    return principalOf(row.account(), Principal.Via.SESSION, row.csrfToken());
  }

  /** The caller behind an API key {@code gm_<prefix>_<secret>}; unknown or revoked keys fail. */
  public Principal authenticateApiKey(String key) {
    String[] parts = key.split("_", 3);
    if (parts.length != 3 || !parts[0].equals("gm")) {
      throw AuthFailure.badApiKey();
    }
    var row = repo.findApiKey(parts[1]).orElseThrow(AuthFailure::badApiKey);
    if (row.revokedAt() != null
        || row.account().disabled()
        || !java.security.MessageDigest.isEqual(row.secretHash(), Secrets.sha256(parts[2]))) {
      throw AuthFailure.badApiKey();
    }
    Instant now = clock.instant();
    if (row.lastUsedAt() == null || Duration.between(row.lastUsedAt(), now).toMinutes() >= 1) {
      repo.markApiKeyUsed(row.id(), now);
    }
    return principalOf(row.account(), Principal.Via.API_KEY, null);
  }

  Principal principalOf(Account account, Principal.Via via, String csrf) {
    Scope scope =
        account.role() == Role.ADMIN
            ? Scope.ALL
            : Scope.ofPaths(repo.areaPaths(account.areaCodes()));
    return new Principal(
        account.id(),
        account.username(),
        account.displayName(),
        account.role(),
        account.areaCodes(),
        scope,
        via,
        csrf);
  }

  // --- management ---

  /** Accounts the caller may manage, filtered and paged inside the query. */
  public AccountRepository.Page list(
      Principal by, Role roleFilter, String search, int page, int size) {
    return repo.list(by.scope(), managedRoles(by), roleFilter, search, page, size);
  }

  /** One account the caller may manage: 404 when it does not exist, 403 when it is not theirs. */
  public Account get(Principal by, long id) {
    Account a = repo.find(id).orElseThrow(() -> new AccountNotFound(id));
    requireManages(by, a.role(), a.areaCodes());
    return a;
  }

  /** True when the account exists and the caller may manage it (used for route-level scope). */
  public boolean manages(Principal by, long id) {
    return repo.find(id)
        .map(a -> by.role() != null && by.role().manages(a.role()) && covers(by, a.areaCodes()))
        .orElse(true); // unknown ids are not a scope question: the handler answers 404
  }

  /** A created account and, when no password was given, the generated one (shown once). */
  public record Created(Account account, String generatedPassword) {}

  public Created create(Principal by, NewAccount n, String ip) {
    validate(n.username(), n.displayName(), n.role(), n.areaCodes());
    requireManages(by, n.role(), n.areaCodes());
    String password = n.password();
    String generated = null;
    if (password == null) {
      generated = Secrets.password(14);
      password = generated;
    }
    checkPassword(password);
    Account a =
        repo.create(
            new NewAccount(
                n.username(), n.displayName().strip(), n.role(), dedupe(n.areaCodes()), null),
            hasher.hash(password.toCharArray()),
            AuditEntry.of(by, ip, "account.create", "account", null));
    return new Created(a, generated);
  }

  public Account update(Principal by, long id, AccountChange change, String ip) {
    if (change.isEmpty()) {
      throw DomainException.invalid("nothing_to_change", "The request changes no field");
    }
    Account before = get(by, id);
    if (before.id() == by.accountId()
        && (change.role() != null || Boolean.TRUE.equals(change.disabled()))) {
      throw AuthFailure.forbidden("You cannot change your own role or disable your own account");
    }
    Role role = change.role() == null ? before.role() : change.role();
    List<String> areas =
        change.areaCodes() == null ? before.areaCodes() : dedupe(change.areaCodes());
    validate(
        before.username(),
        change.displayName() == null ? before.displayName() : change.displayName(),
        role,
        areas);
    requireManages(by, role, areas);
    String hash = null;
    if (change.password() != null) {
      checkPassword(change.password());
      hash = hasher.hash(change.password().toCharArray());
    }
    String action = Boolean.TRUE.equals(change.disabled()) ? "account.disable" : "account.update";
    return repo.update(
        id,
        new AccountChange(
            change.displayName(),
            change.role(),
            change.areaCodes() == null ? null : areas,
            change.disabled(),
            null),
        hash,
        AuditEntry.of(by, ip, action, "account", String.valueOf(id)));
  }

  /** Changes the caller's own password after checking the current one. */
  public void changeOwnPassword(Principal by, char[] current, String next, String ip) {
    var credentials = repo.findCredentials(by.username()).orElseThrow(AuthFailure::loginRequired);
    if (!hasher.verify(current, credentials.passwordHash())) {
      throw AuthFailure.badCredentials();
    }
    checkPassword(next);
    repo.update(
        by.accountId(),
        new AccountChange(null, null, null, null, null),
        hasher.hash(next.toCharArray()),
        AuditEntry.of(by, ip, "account.password", "account", String.valueOf(by.accountId())));
  }

  /** Creates an account from the command line (no caller account; audited as the OS user). */
  public Created createFromCommandLine(NewAccount n) {
    return create(Principal.commandLine(), n, null);
  }

  public long countAccounts() {
    return repo.countAccounts();
  }

  // --- API keys ---

  /** A new API key; the full key is shown once and stored only hashed. */
  public record ApiKeyCreated(long id, String name, String key) {}

  public ApiKeyCreated createApiKey(Principal by, String name, String ip) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw DomainException.invalid("invalid_field", "'name' is required (1-100 characters)");
    }
    String prefix = Secrets.token(6).replace('-', 'x').replace('_', 'y');
    String secret = Secrets.token(32).replace('_', 'z');
    long id =
        repo.createApiKey(
            by.accountId(),
            prefix,
            Secrets.sha256(secret),
            name.strip(),
            AuditEntry.of(by, ip, "api_key.create", "api_key", null));
    return new ApiKeyCreated(id, name.strip(), "gm_" + prefix + "_" + secret);
  }

  public List<AccountRepository.ApiKeyRow> apiKeys(Principal by) {
    return repo.apiKeysOf(by.accountId());
  }

  public void revokeApiKey(Principal by, long keyId, String ip) {
    if (!repo.revokeApiKey(
        by.accountId(),
        keyId,
        AuditEntry.of(by, ip, "api_key.revoke", "api_key", String.valueOf(keyId)))) {
      throw DomainException.notFound(
          "api_key_not_found", "No active API key " + keyId + " of yours");
    }
  }

  // --- rules ---

  private Set<Role> managedRoles(Principal by) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (by.role() != null) {
      Arrays.stream(Role.values()).filter(by.role()::manages).forEach(roles::add);
    }
    return roles;
  }

  private void requireManages(Principal by, Role role, List<String> areaCodes) {
    if (by.role() == null || !by.role().manages(role)) {
      throw AuthFailure.forbidden(
          "A "
              + (by.role() == null ? "public caller" : by.role().code())
              + " cannot manage "
              + role.code()
              + " accounts");
    }
    if (!covers(by, areaCodes)) {
      throw AuthFailure.forbidden("The account's areas are outside your scope");
    }
  }

  private boolean covers(Principal by, List<String> areaCodes) {
    if (by.scope().all()) {
      return true;
    }
    if (areaCodes.isEmpty()) {
      return false;
    }
    List<String> paths = repo.areaPaths(areaCodes);
    return paths.size() == new HashSet<>(areaCodes).size()
        && paths.stream().allMatch(by.scope()::covers);
  }

  private void validate(String username, String displayName, Role role, List<String> areaCodes) {
    List<String> problems = new ArrayList<>();
    if (username == null || !username.matches(USERNAME)) {
      problems.add("'username' must be 3-64 letters, digits or . _ @ -");
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      problems.add("'displayName' is required (1-100 characters)");
    }
    if (role == null) {
      problems.add("'role' must be one of admin, town_leader, community_leader, grid_staff");
    }
    if (areaCodes == null) {
      problems.add("'areas' is required");
    } else if (role != null && role != Role.ADMIN && areaCodes.isEmpty()) {
      problems.add("'areas' must name at least one area for a " + role.code());
    } else if (role == Role.ADMIN && !areaCodes.isEmpty()) {
      problems.add("an admin sees everything and takes no 'areas'");
    } else {
      List<String> known = repo.areaPaths(areaCodes);
      if (known.size() != new HashSet<>(areaCodes).size()) {
        problems.add("'areas' names an unknown area code");
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE, "invalid_account", String.join("; ", problems));
    }
  }

  private static void checkPassword(String password) {
    if (password.length() < PasswordHasher.MIN_LENGTH || password.length() > 200) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "weak_password",
          "A password needs at least " + PasswordHasher.MIN_LENGTH + " characters");
    }
  }

  private static List<String> dedupe(List<String> codes) {
    return codes.stream().distinct().sorted().toList();
  }
}
