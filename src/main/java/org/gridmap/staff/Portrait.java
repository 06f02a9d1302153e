package org.gridmap.staff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridmap.error.DomainException;

/**
 * Staff photos: the checks an upload must pass, and the placeholder portrait drawn for everyone
 * without one. The placeholder is an SVG of a coloured tile with the first character of the name,
 * or a plain silhouette when the name is not public (so that the portrait cannot reveal it). It is
 * generated here, never a picture of a real person.
 */
public final class Portrait {
  /** Largest photo accepted, in bytes. */
  public static final int MAX_BYTES = 512 * 1024;

  public static final String SVG = "image/svg+xml";

  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b07aa1", "#9c755f", "#af7aa1"
  };
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  private Portrait() {}

  /**
   * Checks an uploaded photo: PNG or JPEG (by its first bytes, whatever the declared type says) and
   * at most {@link #MAX_BYTES}; returns its media type. SVG and other types are refused: an SVG can
   * carry script.
   */
  public static String checkUpload(byte[] bytes) {
    if (bytes.length == 0) {
      throw DomainException.invalid("invalid_photo", "The photo is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new DomainException(
          DomainException.Kind.TOO_LARGE,
          "photo_too_large",
          "A photo may have at most " + MAX_BYTES + " bytes, this one has " + bytes.length);
    }
    if (startsWith(bytes, PNG)) {
      return "image/png";
    }
    if (startsWith(bytes, JPEG)) {
      return "image/jpeg";
    }
    throw new DomainException(
        DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
        "unsupported_photo",
        "A photo must be a PNG or JPEG image");
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }

  /**
   * The placeholder portrait of a person: the same picture for the same id and name every time.
   *
   * @param name the name when it is public, else null (a silhouette is drawn)
   */
  public static byte[] placeholder(long id, String name) {
    String colour = COLOURS[(int) Math.floorMod(id * 2654435761L, (long) COLOURS.length)];
    StringBuilder svg =
        new StringBuilder()
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\"")
            .append(" viewBox=\"0 0 96 96\" role=\"img\">")
            .append("<rect width=\"96\" height=\"96\" rx=\"14\" fill=\"")
            .append(colour)
            .append("\"/>");
    if (name == null || name.isBlank()) {
      svg.append("<circle cx=\"48\" cy=\"37\" r=\"17\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>")
          .append("<path d=\"M18 88c3-19 15-29 30-29s27 10 30 29z\" fill=\"#ffffff\"")
          .append(" fill-opacity=\"0.85\"/>");
    } else {
      svg.append("<text x=\"48\" y=\"62\" font-size=\"44\" text-anchor=\"middle\"")
          .append(" font-family=\"sans-serif\" fill=\"#ffffff\">")
          .append(escape(name.strip().substring(0, name.strip().offsetByCodePoints(0, 1))))
          .append("</text>");
    }
    return svg.append("</svg>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
