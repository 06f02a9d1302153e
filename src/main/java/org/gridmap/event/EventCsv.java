package org.gridmap.event;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Events as CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, CRLF
 * line ends (RFC 4180), every field quoted when it holds a comma, quote or line break, and a text
 * beginning with {@code = + - @} prefixed with {@code '} so that no cell is run as a formula. Times
 * are local to the display zone, as {@code yyyy-MM-dd HH:mm:ss} (Excel reads them as dates).
 * Reporter contacts are never exported.
 */
public final class EventCsv implements AutoCloseable {
  static final List<String> HEADER =
      List.of(
          "编号 id",
          "类型 type",
          "类型名称 type name",
          "状态 status",
          "等级 severity",
          "上报时间 reported",
          "发生时间 occurred",
          "处理时限 due",
          "超期 overdue",
          "网格 grid",
          "区域路径 path",
          "经度 lon",
          "纬度 lat",
          "事件经过 what",
          "具体位置 where",
          "涉及人员 who",
          "起始时间 since");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Writer out;
  private final Events events;
  private final ZoneId zone;
  private final Instant now;

  public EventCsv(OutputStream stream, Events events, ZoneId zone) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 65_536);
    this.events = events;
    this.zone = zone;
    this.now = events.now();
    out.write('\uFEFF');
    row(HEADER);
  }

  /** Writes one event as a row. */
  public void write(Event e) {
    Description d = e.description();
    try {
      row(
          List.of(
              String.valueOf(e.id()),
              e.type(),
              events.type(e.type()).map(EventType::nameZh).orElse(""),
              e.status().code(),
              e.severity().code(),
              time(e.reportedAt()),
              time(e.occurredAt()),
              time(e.deadlines().dueAt()),
              e.overdue(now) ? "是 yes" : "否 no",
              orEmpty(e.gridCode()),
              orEmpty(e.path()),
              String.valueOf(e.lon()),
              String.valueOf(e.lat()),
              orEmpty(d.what()),
              orEmpty(d.where()),
              orEmpty(d.who()),
              orEmpty(d.since())));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private String time(Instant t) {
    return t == null ? "" : TIME.format(t.atZone(zone));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private void row(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }

  /** One CSV field: quoted when needed, formula-like text neutralised. */
  static String field(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static boolean isNumber(String s) {
    return s.matches("[-+]?\\d+(\\.\\d+)?");
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
