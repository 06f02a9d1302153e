package org.gridmap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void jdbc_url_keeps_its_options_and_gives_up_its_credentials() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "jdbc:postgresql://127.0.0.1:55432/gridmap?user=g&password=p%26q&sslmode=disable");
    assertEquals("jdbc:postgresql://127.0.0.1:55432/gridmap?sslmode=disable", url.jdbcUrl());
    assertEquals("g", url.user());
    assertEquals("p&q", url.password());
    assertEquals("jdbc:postgresql://127.0.0.1:55432/gridmap", url.redacted());
  }

  @Test
  void jdbc_url_without_options_passes_through() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db/gm");
    assertEquals("jdbc:postgresql://db/gm", url.jdbcUrl());
    assertNull(url.user());
  }

  @Test
  void libpq_url_becomes_jdbc_with_separate_credentials() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgres://grid%40map:s3cr%3At@db:5433/gm?sslmode=disable");
    assertEquals("jdbc:postgresql://db:5433/gm?sslmode=disable", url.jdbcUrl());
    assertEquals("grid@map", url.user());
    assertEquals("s3cr:t", url.password());
  }

  @Test
  void default_port_is_5432() {
    assertEquals("jdbc:postgresql://db:5432/gm", DatabaseUrl.parse("postgresql://db/gm").jdbcUrl());
  }

  @Test
  void other_schemes_are_refused_without_echoing_credentials() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://u:secret@h/db"));
    assertEquals(false, e.getMessage().contains("secret"));
  }
}
