package org.gridmap.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data from outside the project ({@code ../shared/testdata} next to the project
 * folder, read-only, never copied into the repository). A missing folder fails the test that needs
 * it; nothing is skipped.
 */
public final class TestData {
  private TestData() {}

  /** A file or folder under {@code ../shared/testdata}. */
  public static Path path(String relative) {
    Path root = TestDatabase.projectDir().resolveSibling("shared").resolve("testdata");
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          "test data " + p + " is missing: the shared/ folder must sit next to the project");
    }
    return p;
  }
}
