package org.gridmap.error;

/**
 * An error with a meaning the caller can act on. Domain code throws subclasses (an unknown area, an
 * invalid geometry, an illegal transition); the HTTP layer maps {@link Kind} to a status code in
 * one place, and the CLI prints the message. The message is shown to clients: it names the problem
 * and where it is, and never contains SQL, stack traces or secrets.
 */
public class DomainException extends RuntimeException {

  /** What went wrong, independent of the transport. */
  public enum Kind {
    INVALID_INPUT, // 400
    UNAUTHENTICATED, // 401
    FORBIDDEN, // 403
    NOT_FOUND, // 404
    CONFLICT, // 409
    TOO_LARGE, // 413
    UNSUPPORTED_MEDIA_TYPE, // 415
    UNPROCESSABLE, // 422
    TOO_MANY_REQUESTS, // 429
    UNAVAILABLE // 503
  }

  private final Kind kind;
  private final String code;

  /**
   * @param code a short machine-readable code in snake_case, e.g. {@code area_not_found}
   */
  public DomainException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public DomainException(Kind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /**
   * Structured detail sent with the error as {@code "details"} (e.g. an import's full report), or
   * null.
   */
  public Object details() {
    return null;
  }

  /** Seconds the client should wait before retrying (sent as Retry-After), or 0. */
  public long retryAfterSeconds() {
    return 0;
  }

  public static DomainException invalid(String code, String message) {
    return new DomainException(Kind.INVALID_INPUT, code, message);
  }

  public static DomainException notFound(String code, String message) {
    return new DomainException(Kind.NOT_FOUND, code, message);
  }
}
