package org.gridmap.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridmap.area.ImportReport.Problem;

/** The report of an import while it is being assembled. */
final class ImportDraft {
  final String level;
  final String parent;
  String source;
  String crs;
  long read;
  final Map<Long, String> codeOf = new LinkedHashMap<>();
  final TreeSet<String> parents = new TreeSet<>();
  final List<Problem> problems = new ArrayList<>();
  final List<ImportReport.Repair> repairs = new ArrayList<>();
  final List<ImportReport.Straddler> straddlers = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  ImportReport.Changes changes;
  Coverage.Summary coverage;

  ImportDraft(String source, String level, String parent) {
    this.source = source;
    this.level = level;
    this.parent = parent;
  }

  void problem(Long feature, String code, String reason, String message) {
    problems.add(new Problem(feature, code, reason, message, null));
  }

  ImportReport report(String status) {
    return new ImportReport(
        status,
        source,
        crs,
        level,
        parent,
        new ArrayList<>(parents),
        read,
        codeOf.size(),
        problems,
        repairs,
        straddlers,
        warnings,
        changes,
        coverage,
        null);
  }
}
