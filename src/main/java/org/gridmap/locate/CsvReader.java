package org.gridmap.locate;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.error.DomainException;

/**
 * A streaming RFC 4180 reader: comma-separated fields, double quotes around fields that hold
 * commas, quotes ({@code ""}) or line breaks, records ended by LF or CRLF. A UTF-8 byte order mark
 * at the start is dropped. Besides the fields, each record keeps its raw text (without the line
 * break), so a file can be passed through byte for byte, and the line it starts on. Blank lines are
 * skipped.
 */
final class CsvReader {

  /** One record: its fields, its text as read, and the 1-based line it starts on. */
  record Row(List<String> fields, String raw, long line) {}

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private boolean started;
  private boolean hadBom;
  private String lineBreak;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** True when the input began with a byte order mark (known after the first record). */
  boolean hadBom() {
    return hadBom;
  }

  /** The line break of the first record, {@code "\r\n"} or {@code "\n"} (default). */
  String lineBreak() {
    return lineBreak == null ? "\n" : lineBreak;
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  /** The next record, or null at the end of the input. */
  Row next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
        hadBom = true;
      }
    }
    while (true) {
      long start = line;
      StringBuilder raw = new StringBuilder();
      StringBuilder field = new StringBuilder();
      List<String> fields = new ArrayList<>();
      boolean quoted = false;
      boolean atFieldStart = true;
      int c;
      while (true) {
        c = read();
        if (c < 0) {
          if (quoted) {
            throw DomainException.invalid(
                "bad_csv", "Line " + start + ": a quoted field is never closed");
          }
          break;
        }
        if (quoted) {
          raw.append((char) c);
          if (c == '"') {
            if (peek() == '"') {
              raw.append((char) read());
              field.append('"');
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
          continue;
        }
        if (c == '\r' && peek() == '\n') {
          read();
          noteBreak("\r\n");
          break;
        }
        if (c == '\n') {
          noteBreak("\n");
          break;
        }
        raw.append((char) c);
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          atFieldStart = true;
        } else if (c == '"' && atFieldStart) {
          quoted = true;
          atFieldStart = false;
        } else {
          field.append((char) c);
          atFieldStart = false;
        }
      }
      boolean ended = c < 0;
      line++;
      if (raw.length() == 0) {
        if (ended) {
          return null;
        }
        continue; // a blank line
      }
      fields.add(field.toString());
      return new Row(fields, raw.toString(), start);
    }
  }

  private void noteBreak(String b) {
    if (lineBreak == null) {
      lineBreak = b;
    }
  }

  /** A field as written in CSV: quoted when it holds a comma, quote or line break. */
  static String quote(String field) {
    if (field == null) {
      return "";
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }
}
