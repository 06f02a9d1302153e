package org.gridmap.staff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;

class PortraitTest {

  @Test
  void uploads_are_recognised_by_their_first_bytes_whatever_they_claim() {
    assertEquals(
        "image/png",
        Portrait.checkUpload(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
    assertEquals(
        "image/jpeg", Portrait.checkUpload(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}));
  }

  @Test
  void svg_and_other_files_are_refused_because_an_svg_can_carry_script() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                Portrait.checkUpload(
                    "<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(DomainException.Kind.UNSUPPORTED_MEDIA_TYPE, e.kind());
    assertEquals(
        DomainException.Kind.TOO_LARGE,
        assertThrows(
                DomainException.class, () -> Portrait.checkUpload(new byte[Portrait.MAX_BYTES + 1]))
            .kind());
  }

  @Test
  void the_placeholder_shows_the_first_character_of_a_public_name_escaped() {
    String svg = new String(Portrait.placeholder(7, "王秀英"), StandardCharsets.UTF_8);
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains(">王</text>"), svg);
    assertFalse(svg.contains("秀英"));
    String tricky = new String(Portrait.placeholder(7, "<b>"), StandardCharsets.UTF_8);
    assertTrue(tricky.contains(">&lt;</text>"), tricky);
  }

  @Test
  void without_a_public_name_the_placeholder_is_a_silhouette_with_no_text() {
    String svg = new String(Portrait.placeholder(7, null), StandardCharsets.UTF_8);
    assertFalse(svg.contains("<text"));
    assertTrue(svg.contains("<circle"));
  }

  @Test
  void the_same_person_always_gets_the_same_placeholder() {
    assertArrayEquals(Portrait.placeholder(42, "李"), Portrait.placeholder(42, "李"));
  }
}
