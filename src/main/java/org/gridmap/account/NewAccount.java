package org.gridmap.account;

import java.util.List;
import org.gridmap.access.Role;

/** An account to create; {@code password} null means "generate one and show it once". */
public record NewAccount(
    String username, String displayName, Role role, List<String> areaCodes, String password) {}
