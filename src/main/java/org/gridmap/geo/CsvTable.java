package org.gridmap.geo;

import java.util.ArrayList;
import java.util.List;
import org.gridmap.error.DomainException;

/**
 * A CSV file as point data comes in (RFC 4180): a header line, then one record per line; fields may
 * be quoted with {@code "}, a quote inside a quoted field is doubled, and quoted fields may span
 * lines. Accepts CRLF or LF line ends and a UTF-8 byte-order mark; blank lines are skipped. Field
 * values are kept as written (not trimmed); header names are trimmed.
 */
public record CsvTable(List<String> header, List<Row> rows) {

  /** One record and the file line it starts on (the header is line 1). */
  public record Row(int line, List<String> values) {}

  /** Parses the whole text; an unterminated quote is a {@link DomainException} naming its line. */
  public static CsvTable parse(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"' && field.isEmpty()) {
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (fieldStarted || !field.isEmpty()) {
          fields.add(field.toString());
          records.add(new Row(recordLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        fieldStarted = false;
        line++;
        recordLine = line;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw DomainException.invalid(
          "invalid_csv", "Line " + recordLine + ": a quoted field is never closed");
    }
    if (fieldStarted || !field.isEmpty()) {
      fields.add(field.toString());
      records.add(new Row(recordLine, List.copyOf(fields)));
    }
    if (records.isEmpty()) {
      throw DomainException.invalid("invalid_csv", "The file is empty: a header line is needed");
    }
    List<String> header = records.get(0).values().stream().map(String::strip).toList();
    return new CsvTable(header, List.copyOf(records.subList(1, records.size())));
  }

  /** The position of a column by any of its accepted names (case-insensitive), or -1. */
  public int column(String... names) {
    for (int i = 0; i < header.size(); i++) {
      for (String name : names) {
        if (header.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return -1;
  }
}
