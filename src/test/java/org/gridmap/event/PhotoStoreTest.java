package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoStoreTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
  static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
  static final byte[] WEBP = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P'};

  @TempDir Path dir;

  @Test
  void images_are_recognised_by_their_first_bytes_not_their_name() {
    assertEquals(Optional.of("image/png"), PhotoStore.contentTypeOf(PNG));
    assertEquals(Optional.of("image/jpeg"), PhotoStore.contentTypeOf(JPEG));
    assertEquals(Optional.of("image/webp"), PhotoStore.contentTypeOf(WEBP));
    assertEquals(Optional.empty(), PhotoStore.contentTypeOf("GIF89a".getBytes()));
    assertEquals(Optional.empty(), PhotoStore.contentTypeOf("<svg/>".getBytes()));
    assertEquals(Optional.empty(), PhotoStore.contentTypeOf(new byte[] {(byte) 0xff}));
  }

  @Test
  void a_photo_is_stored_once_under_its_sha256() throws Exception {
    PhotoStore store = new PhotoStore(dir, 1000);
    PhotoStore.Stored first = store.store(PNG);
    PhotoStore.Stored again = store.store(PNG.clone());
    assertEquals(first, again);
    assertEquals(PhotoStore.sha256(PNG), first.sha256());
    Path file = store.fileOf(first.sha256(), first.contentType());
    assertEquals(dir.resolve(first.sha256().substring(0, 2)), file.getParent());
    assertArrayEquals(PNG, Files.readAllBytes(file));
    try (var files = Files.walk(dir)) {
      assertEquals(1, files.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void too_large_is_413_and_not_an_image_is_415_and_nothing_is_written() throws Exception {
    PhotoStore store = new PhotoStore(dir, 10);
    DomainException large = assertThrows(DomainException.class, () -> store.store(PNG));
    assertEquals(DomainException.Kind.TOO_LARGE, large.kind());
    DomainException text =
        assertThrows(DomainException.class, () -> store.store("hello".getBytes()));
    assertEquals(DomainException.Kind.UNSUPPORTED_MEDIA_TYPE, text.kind());
    try (var files = Files.walk(dir)) {
      assertEquals(0, files.filter(Files::isRegularFile).count());
    }
  }
}
