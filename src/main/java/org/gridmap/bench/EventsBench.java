package org.gridmap.bench;

import java.io.PrintStream;
import java.util.List;
import org.gridmap.config.AppConfig;

/** Placeholder. */
public final class EventsBench {
  private EventsBench() {}

  public static int run(AppConfig config, List<String> args, PrintStream out) {
    return 2;
  }
}
