package org.gridmap.account;

import java.util.List;
import org.gridmap.access.Role;

/** A partial update of an account; null fields stay as they are. */
public record AccountChange(
    String displayName, Role role, List<String> areaCodes, Boolean disabled, String password) {

  boolean isEmpty() {
    return displayName == null
        && role == null
        && areaCodes == null
        && disabled == null
        && password == null;
  }
}
