package org.gridmap.staff;

/**
 * Which of a person's fields the public may see, decided per person. Everything else about staff
 * (their other fields, their account, their areas beyond the ones shown) is never public. A person
 * with no public field does not appear publicly at all.
 */
public record PublicFields(
    boolean name, boolean photo, boolean role, boolean phone, boolean duties) {

  public static final PublicFields NONE = new PublicFields(false, false, false, false, false);

  public boolean any() {
    return name || photo || role || phone || duties;
  }
}
