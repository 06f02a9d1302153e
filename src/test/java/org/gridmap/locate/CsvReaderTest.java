package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  static List<CsvReader.Row> read(String text) throws IOException {
    CsvReader r = new CsvReader(new StringReader(text));
    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void plain_fields_split_on_commas() throws IOException {
    List<CsvReader.Row> rows = read("a,b,c\n1,2,3\n");
    assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
    assertEquals(List.of("1", "2", "3"), rows.get(1).fields());
    assertEquals(2, rows.size());
  }

  @Test
  void quoted_fields_hold_commas_quotes_and_line_breaks_and_keep_their_raw_text()
      throws IOException {
    List<CsvReader.Row> rows = read("id,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,x\r\n");
    assertEquals(List.of("1", "a, \"b\"\r\nc"), rows.get(1).fields());
    assertEquals("1,\"a, \"\"b\"\"\r\nc\"", rows.get(1).raw());
    assertEquals(2, rows.get(1).line());
    assertEquals(4, rows.get(2).line(), "the record after a quoted line break starts on line 4");
  }

  @Test
  void a_byte_order_mark_is_dropped_and_remembered() throws IOException {
    CsvReader r = new CsvReader(new StringReader("\uFEFFlon,lat\n1,2"));
    assertEquals(List.of("lon", "lat"), r.next().fields());
    assertTrue(r.hadBom());
    assertEquals(List.of("1", "2"), r.next().fields());
    assertNull(r.next());
  }

  @Test
  void blank_lines_are_skipped_but_counted() throws IOException {
    List<CsvReader.Row> rows = read("a\n\n\nb\n");
    assertEquals(2, rows.size());
    assertEquals(4, rows.get(1).line());
  }

  @Test
  void empty_fields_are_kept() throws IOException {
    assertEquals(List.of("", "", ""), read(",,\n").get(0).fields());
  }

  @Test
  void an_unclosed_quote_names_its_line() {
    DomainException e = assertThrows(DomainException.class, () -> read("a\n\"open,\n"));
    assertTrue(e.getMessage().startsWith("Line 2"), e.getMessage());
  }

  @Test
  void quote_wraps_only_fields_that_need_it() {
    assertEquals("plain", CsvReader.quote("plain"));
    assertEquals("\"a,b\"", CsvReader.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvReader.quote("say \"hi\""));
    assertEquals("", CsvReader.quote(null));
  }
}
