package org.gridmap.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.gridmap.error.DomainException;

/**
 * Photos as files outside the database, named by the SHA-256 of their bytes ({@code
 * <dir>/ab/abcdef….jpg}): storing the same photo twice writes it once, and a stored name always
 * matches its content. Only JPEG, PNG and WebP are accepted, recognised by their first bytes (the
 * declared content type is not trusted); anything larger than the limit is refused before it is
 * written.
 */
public final class PhotoStore {
  private final Path dir;
  private final long maxBytes;

  public PhotoStore(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** A checked, stored photo file. */
  public record Stored(String sha256, String contentType, long bytes) {}

  /**
   * Checks and stores the bytes; 413 when larger than the limit, 415 when not a JPEG, PNG or WebP.
   */
  public Stored store(byte[] bytes) {
    if (bytes.length > maxBytes) {
      throw tooLarge(bytes.length);
    }
    if (bytes.length == 0) {
      throw DomainException.invalid("empty_photo", "The request body holds no photo");
    }
    String type =
        contentTypeOf(bytes)
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_photo_type",
                        "A photo must be a JPEG, PNG or WebP image"));
    String hash = sha256(bytes);
    Path target = fileOf(hash, type);
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), hash, ".part");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store photo " + hash, e);
    }
    return new Stored(hash, type, bytes.length);
  }

  /** The file of a stored photo. */
  public Path fileOf(String sha256, String contentType) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + extension(contentType));
  }

  private DomainException tooLarge(long length) {
    return new DomainException(
        DomainException.Kind.TOO_LARGE,
        "photo_too_large",
        "The photo has " + length + " bytes; at most " + maxBytes + " are accepted");
  }

  /**
   * JPEG ({@code FF D8 FF}), PNG ({@code 89 P N G CR LF SUB LF}) or WebP ({@code RIFF....WEBP}).
   */
  static Optional<String> contentTypeOf(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (startsWith(b, png, 0)) {
      return Optional.of("image/png");
    }
    if (b.length >= 12
        && startsWith(b, new byte[] {'R', 'I', 'F', 'F'}, 0)
        && startsWith(b, new byte[] {'W', 'E', 'B', 'P'}, 8)) {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, byte[] prefix, int at) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String extension(String contentType) {
    return switch (contentType) {
      case "image/jpeg" -> ".jpg";
      case "image/png" -> ".png";
      case "image/webp" -> ".webp";
      default -> throw new IllegalArgumentException(contentType);
    };
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
