package org.gridmap.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Role;

/** A staff account as shown to those who manage it. Never carries the password hash. */
public record Account(
    long id,
    String username,
    String displayName,
    Role role,
    List<String> areaCodes,
    boolean disabled,
    Instant createdAt,
    Instant updatedAt) {

  /** The audited fields, for before/after diffs. */
  Map<String, Object> auditFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", username);
    m.put("displayName", displayName);
    m.put("role", role.code());
    m.put("areas", areaCodes);
    m.put("disabled", disabled);
    return m;
  }
}
