package org.gridmap.event;

/** {@link EventFixtures} for tests of other packages. */
public final class EventFixturesAccess {
  private EventFixturesAccess() {}

  public static double[] interiorPoint(String code) {
    return EventFixtures.interiorPoint(code);
  }

  /** The id of some stored event of the type. */
  public static long anyEventOfType(String type) {
    return Long.parseLong(EventFixtures.scalar("SELECT min(id) FROM event WHERE type = ?", type));
  }
}
