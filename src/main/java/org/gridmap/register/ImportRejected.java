package org.gridmap.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;

/**
 * An import refused as a whole (422): nothing was stored. The answer's {@code details} list every
 * problem (up to {@link #MAX_LISTED}) with its row or feature and field.
 */
public final class ImportRejected extends DomainException {
  static final int MAX_LISTED = 500;

  private final List<ImportProblem> problems;

  public ImportRejected(List<ImportProblem> problems) {
    super(
        Kind.UNPROCESSABLE,
        "import_rejected",
        "The import was rejected and nothing was stored: "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ", the first: "
            + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  @Override
  public Object details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("problemCount", problems.size());
    d.put("problems", problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
    return d;
  }
}
