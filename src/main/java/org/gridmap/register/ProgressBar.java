package org.gridmap.register;

import java.io.PrintStream;

/**
 * {@link ImportProgress} drawn as a one-line bar on a terminal ({@code \r} redraws it), e.g. {@code
 * staging [##########··········] 2,000/4,000}. Redraws at most once per percent.
 */
final class ProgressBar implements ImportProgress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private String stage = "";
  private long total = 1;
  private int lastPercent = -1;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void stage(String name, long total) {
    if (!stage.isEmpty()) {
      out.println();
    }
    this.stage = name;
    this.total = Math.max(1, total);
    this.lastPercent = -1;
    advance(0);
  }

  @Override
  public void advance(long done) {
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    out.printf(
        "\r%-20s [%s%s] %,d/%,d",
        stage, "#".repeat(filled), "·".repeat(WIDTH - filled), Math.min(done, total), total);
    out.flush();
  }

  /** Ends the bar's line. */
  void finish() {
    if (!stage.isEmpty()) {
      out.println();
    }
  }
}
