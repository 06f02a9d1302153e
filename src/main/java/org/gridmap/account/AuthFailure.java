package org.gridmap.account;

import org.gridmap.error.DomainException;

/** Authentication and authorization failures, with the status they answer. */
public final class AuthFailure extends DomainException {
  private final long retryAfterSeconds;

  private AuthFailure(Kind kind, String code, String message, long retryAfterSeconds) {
    super(kind, code, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static AuthFailure badCredentials() {
    return new AuthFailure(
        Kind.UNAUTHENTICATED, "invalid_credentials", "Wrong username or password", 0);
  }

  public static AuthFailure loginRequired() {
    return new AuthFailure(
        Kind.UNAUTHENTICATED, "login_required", "Log in to use this resource", 0);
  }

  public static AuthFailure badApiKey() {
    return new AuthFailure(
        Kind.UNAUTHENTICATED, "invalid_api_key", "The API key is unknown or revoked", 0);
  }

  public static AuthFailure locked(long seconds) {
    return new AuthFailure(
        Kind.TOO_MANY_REQUESTS,
        "login_locked",
        "Too many failed logins for this username; try again in " + seconds + " s",
        seconds);
  }

  public static AuthFailure forbidden(String message) {
    return new AuthFailure(Kind.FORBIDDEN, "forbidden", message, 0);
  }
}
