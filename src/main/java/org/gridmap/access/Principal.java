package org.gridmap.access;

import java.util.List;

/**
 * Who is calling: an account reached through a session cookie or an API key, or the anonymous
 * public. {@code csrfToken} is set for session callers only: state-changing requests from a browser
 * must echo it in the {@code X-CSRF-Token} header.
 */
public record Principal(
    long accountId,
    String username,
    String displayName,
    Role role,
    List<String> areaCodes,
    Scope scope,
    Via via,
    String csrfToken) {

  /** How the caller proved who they are. */
  public enum Via {
    ANONYMOUS,
    SESSION,
    API_KEY,
    COMMAND_LINE
  }

  public static final Principal PUBLIC =
      new Principal(0, "public", "public", null, List.of(), Scope.NONE, Via.ANONYMOUS, null);

  /**
   * A caller with no account that may do everything: the command line and the demo loader. The
   * audit log records it under {@code actor}, e.g. {@code cli:alice} or {@code system:demo}.
   */
  public static Principal system(String actor) {
    return new Principal(0, actor, actor, Role.ADMIN, List.of(), Scope.ALL, Via.COMMAND_LINE, null);
  }

  /** The operator at the command line, audited as {@code cli:<OS user>}; sees everything. */
  public static Principal commandLine() {
    return new Principal(
        0,
        "cli:" + System.getProperty("user.name", "unknown"),
        "command line",
        Role.ADMIN,
        List.of(),
        Scope.ALL,
        Via.COMMAND_LINE,
        null);
  }

  public boolean isPublic() {
    return via == Via.ANONYMOUS;
  }

  public boolean hasRole(Role r) {
    return role == r;
  }

  /** The name recorded as author in the audit log. */
  public String auditName() {
    return isPublic() ? "public" : username;
  }
}
