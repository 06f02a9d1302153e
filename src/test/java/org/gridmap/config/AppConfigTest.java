package org.gridmap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class AppConfigTest {
  @Test
  void defaults_apply_when_the_environment_is_silent() {
    AppConfig config = AppConfig.fromEnv(Map.of());
    assertEquals(7070, config.getInt(Option.PORT));
    assertEquals("", config.get(Option.TILE_URL));
  }

  @Test
  void environment_overrides_defaults() {
    assertEquals(8080, AppConfig.fromEnv(Map.of("PORT", "8080")).getInt(Option.PORT));
  }

  @Test
  void missing_database_url_names_the_variable() {
    AppConfig.ConfigException e =
        assertThrows(
            AppConfig.ConfigException.class,
            () -> AppConfig.fromEnv(Map.of()).get(Option.DATABASE_URL));
    assertTrue(e.getMessage().startsWith("DATABASE_URL"));
  }

  @Test
  void malformed_number_names_the_variable_and_value() {
    AppConfig.ConfigException e =
        assertThrows(
            AppConfig.ConfigException.class,
            () -> AppConfig.fromEnv(Map.of("PORT", "seventy")).getInt(Option.PORT));
    assertEquals("PORT must be a whole number, got 'seventy'", e.getMessage());
  }

  @Test
  void readme_configuration_table_lists_every_option_exactly() throws Exception {
    String readme = Files.readString(TestDatabase.projectDir().resolve("README.md"));
    for (String row : AppConfig.markdownRows()) {
      assertTrue(readme.contains(row), "README.md lacks the row:\n" + row);
    }
  }

  @Test
  void readme_documents_no_option_that_does_not_exist() throws Exception {
    String readme = Files.readString(Path.of(TestDatabase.projectDir().toString(), "README.md"));
    String table = readme.substring(readme.indexOf("| variable | default | meaning |"));
    table = table.substring(0, table.indexOf("\n\n"));
    long rows = table.lines().filter(l -> l.startsWith("| `")).count();
    assertEquals(Option.values().length, rows);
  }
}
