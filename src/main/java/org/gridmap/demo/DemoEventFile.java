package org.gridmap.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridmap.demo.DemoEvents.DemoEvent;
import org.gridmap.demo.DemoEvents.Step;

/**
 * The demo events as CSV ({@code geodata/demo-events.csv}): one event a line, UTF-8, LF line ends,
 * times in UTC, coordinates EPSG:4326 lon/lat with 7 decimals; {@code history} lists the states
 * reached after the report as {@code status@time} separated by {@code ;}. Fields are quoted only
 * when they hold a comma or a quote.
 */
final class DemoEventFile {
  static final String HEADER =
      "seq,type,severity,lon,lat,occurred_at,reported_at,what,where,who,since,reporter_name,"
          + "reporter_phone,reporter_email,duplicate_of,reject_reason,history";

  private DemoEventFile() {}

  static String write(List<DemoEvent> events) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (DemoEvent e : events) {
      List<String> f =
          List.of(
              String.valueOf(e.seq()),
              e.type(),
              e.severity(),
              String.valueOf(e.lon()),
              String.valueOf(e.lat()),
              e.occurredAt().toString(),
              e.reportedAt().toString(),
              text(e.what()),
              text(e.where()),
              text(e.who()),
              text(e.since()),
              text(e.reporterName()),
              text(e.reporterPhone()),
              text(e.reporterEmail()),
              e.duplicateOf() == null ? "" : String.valueOf(e.duplicateOf()),
              text(e.rejectReason()),
              String.join(";", e.history().stream().map(s -> s.status() + "@" + s.at()).toList()));
      out.append(String.join(",", f.stream().map(DemoEventFile::quote).toList())).append('\n');
    }
    return out.toString();
  }

  static List<DemoEvent> read(Reader source) {
    List<DemoEvent> events = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String header = in.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalStateException("demo events: unexpected header " + header);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = split(line);
        List<Step> history = new ArrayList<>();
        if (!f.get(16).isEmpty()) {
          for (String s : f.get(16).split(";")) {
            String[] p = s.split("@", 2);
            history.add(new Step(p[0], Instant.parse(p[1])));
          }
        }
        events.add(
            new DemoEvent(
                Integer.parseInt(f.get(0)),
                f.get(1),
                f.get(2),
                Double.parseDouble(f.get(3)),
                Double.parseDouble(f.get(4)),
                Instant.parse(f.get(5)),
                Instant.parse(f.get(6)),
                orNull(f.get(7)),
                orNull(f.get(8)),
                orNull(f.get(9)),
                orNull(f.get(10)),
                orNull(f.get(11)),
                orNull(f.get(12)),
                orNull(f.get(13)),
                f.get(14).isEmpty() ? null : Integer.valueOf(f.get(14)),
                orNull(f.get(15)),
                history));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String quote(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** Splits one line into fields, honouring quotes. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    if (out.size() != HEADER.split(",").length) {
      throw new IllegalStateException(
          "demo events: " + out.size() + " fields in line " + Arrays.toString(out.toArray()));
    }
    return out;
  }
}
