package org.gridmap.area;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridmap.area.ImportReport.Problem;
import org.gridmap.geo.BoundaryRepair;
import org.gridmap.geo.BoundaryValidator;
import org.gridmap.geo.Crs;
import org.gridmap.geo.FeatureSource;
import org.gridmap.geo.SourceFeature;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * What each feature of an import must have — a code (1-64 of {@code A-Z a-z 0-9 _ . -}, unique in
 * the file), a name, and a valid boundary — checked as the features stream by. A valid feature is
 * staged at once; an invalid one adds every problem it has to the report, or, when repair is
 * allowed, is repaired within the allowed change of area.
 */
final class FeatureIntake {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_NAME = 200;

  private final BoundaryValidator validator;
  private final BoundaryRepair repair;
  private final ImportOptions o;
  private final ImportDraft d;
  private final Map<String, Long> firstWithCode = new HashMap<>();
  private int unnamed;

  FeatureIntake(Crs crs, ImportOptions options, ImportDraft draft) {
    this.validator = new BoundaryValidator(crs);
    this.repair = new BoundaryRepair(options.maxAreaChangePercent());
    this.o = options;
    this.d = draft;
  }

  /** Reads every feature of the file, staging the valid ones in the session. */
  void readAll(FeatureSource features, ImportStore.Session session, ImportProgress progress) {
    d.read = features.forEach(f -> accept(f, session), progress);
    if (d.read == 0) {
      d.problem(null, null, "no_features", d.source + " holds no features");
    }
    if (unnamed > 0) {
      d.warnings.add(
          unnamed
              + " feature(s) have no '"
              + o.nameField()
              + "' property; their code is used as their name");
    }
  }

  private void accept(SourceFeature f, ImportStore.Session session) {
    List<Problem> own = new ArrayList<>();
    String code = trimmed(f.text(o.codeField()));
    String name = trimmed(f.text(o.nameField()));
    if (code == null) {
      own.add(problem(f, null, "missing_code", "no '" + o.codeField() + "' property"));
    } else if (!CODE.matcher(code).matches()) {
      own.add(
          problem(
              f,
              code,
              "invalid_code",
              "code '" + code + "' must be 1-64 letters, digits, '_', '.' or '-'"));
    } else if (firstWithCode.containsKey(code)) {
      own.add(
          problem(
              f,
              code,
              "duplicate_code",
              "code " + code + " is also the code of feature " + firstWithCode.get(code)));
    } else {
      firstWithCode.put(code, f.number());
    }
    if (name == null) {
      name = code;
      unnamed++;
    } else if (name.length() > MAX_NAME) {
      own.add(problem(f, code, "invalid_name", "the name is longer than 200 characters"));
    }
    MultiPolygon boundary = boundary(f, code, own);
    if (own.isEmpty() && boundary != null) {
      session.stage(f.number(), code, name, boundary);
      d.codeOf.put(f.number(), code);
    } else {
      d.problems.addAll(own);
    }
  }

  /** The valid boundary of a feature, repaired if allowed; null with problems added otherwise. */
  private MultiPolygon boundary(SourceFeature f, String code, List<Problem> own) {
    BoundaryValidator.Checked checked = validator.check(f.geometry());
    if (checked.valid()) {
      return checked.boundary();
    }
    if (!o.repair() || !checked.repairable()) {
      for (BoundaryValidator.Finding x : checked.findings()) {
        own.add(problem(f, code, x.defect().code, x.message(), x.location()));
      }
      return null;
    }
    BoundaryRepair.Repaired r = repair.repair(checked.lonLat());
    List<String> fixed = checked.findings().stream().map(x -> x.defect().code).distinct().toList();
    Double change = Double.isFinite(r.changePercent()) ? r.changePercent() : null;
    d.repairs.add(
        new ImportReport.Repair(
            f.number(), code, fixed, r.areaBeforeM2(), r.areaAfterM2(), change, r.accepted()));
    if (r.accepted()) {
      return r.boundary();
    }
    own.add(
        problem(
            f,
            code,
            "repair_refused",
            r.boundary() == null
                ? "nothing would be left after repairing " + String.join(", ", fixed)
                : String.format(
                    Locale.ROOT,
                    "repairing %s would change the area from %.1f m² to %.1f m² (%s), more than"
                        + " the allowed %s %%; correct it by hand",
                    String.join(", ", fixed),
                    r.areaBeforeM2(),
                    r.areaAfterM2(),
                    change == null ? "from nothing" : String.format(Locale.ROOT, "%.2f %%", change),
                    o.maxAreaChangePercent()),
            checked.findings().get(0).location()));
    return null;
  }

  private static Problem problem(
      SourceFeature f, String code, String reason, String message, double[] location) {
    return new Problem(f.number(), code, reason, message, location);
  }

  private static Problem problem(SourceFeature f, String code, String reason, String message) {
    return problem(f, code, reason, message, null);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
