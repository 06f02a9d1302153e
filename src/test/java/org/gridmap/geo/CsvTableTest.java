package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void rows_keep_the_line_they_start_on_and_blank_lines_are_skipped() {
    CsvTable t = CsvTable.parse("id,address\r\nA,one\r\n\r\nB,two\n");
    assertEquals(List.of("id", "address"), t.header());
    assertEquals(
        List.of(new CsvTable.Row(2, List.of("A", "one")), new CsvTable.Row(4, List.of("B", "two"))),
        t.rows());
  }

  @Test
  void quoted_fields_hold_commas_quotes_and_line_breaks() {
    CsvTable t = CsvTable.parse("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,d");
    assertEquals(List.of("a, \"b\"\nc"), t.rows().get(0).values().subList(1, 2));
    assertEquals(4, t.rows().get(1).line());
  }

  @Test
  void a_byte_order_mark_and_spaces_around_header_names_are_dropped() {
    CsvTable t = CsvTable.parse("\uFEFF id , Lon \n1,2");
    assertEquals(List.of("id", "Lon"), t.header());
    assertEquals(1, t.column("lng", "lon"));
    assertEquals(-1, t.column("lat"));
  }

  @Test
  void empty_fields_are_kept_in_place() {
    assertEquals(List.of("", "x", ""), CsvTable.parse("a,b,c\n,x,").rows().get(0).values());
  }

  @Test
  void an_unclosed_quote_names_its_line() {
    DomainException e =
        assertThrows(DomainException.class, () -> CsvTable.parse("id\nok\n\"never closed\n"));
    assertEquals("Line 3: a quoted field is never closed", e.getMessage());
  }

  @Test
  void an_empty_file_is_refused() {
    assertThrows(DomainException.class, () -> CsvTable.parse(""));
  }
}
