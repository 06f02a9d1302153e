package org.gridmap.event;

/**
 * Who reported an event: a staff account ({@code accountId}), a resident through Open311 (no
 * account, or the account of the API key used), and optional contacts. The contacts are personal
 * data: they are shown only to staff whose scope covers the event, never in public answers, Open311
 * answers or CSV exports.
 */
public record Reporter(Long accountId, String name, String phone, String email) {
  public static final Reporter NONE = new Reporter(null, null, null, null);

  public Reporter {
    name = blankToNull(name);
    phone = blankToNull(phone);
    email = blankToNull(email);
  }

  public boolean hasContacts() {
    return name != null || phone != null || email != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
