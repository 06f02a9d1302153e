package org.gridmap.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.access.Role;
import org.gridmap.account.Accounts;
import org.gridmap.account.NewAccount;

/**
 * One demo account per role, created on {@code serve --demo} when there are no accounts yet. The
 * passwords are generated and printed once; there is never a default password.
 */
public final class DemoAccounts {
  static final String HESHAN = "370112101";
  static final String XUZHUANG = "370112102";
  static final String HEPING = "370112101001";
  static final String HEPING_GRID_1 = "370112101001001";

  /** A demo login as printed: username, role, scope and the generated password. */
  public record Login(String username, Role role, List<String> areas, String password) {}

  private final Accounts accounts;

  public DemoAccounts(Accounts accounts) {
    this.accounts = accounts;
  }

  /** Creates the demo accounts if the database has none; returns what was created. */
  public List<Login> createIfNone() {
    if (accounts.countAccounts() > 0) {
      return List.of();
    }
    List<NewAccount> wanted =
        List.of(
            new NewAccount("demo_admin", "系统管理员 Admin", Role.ADMIN, List.of(), null),
            new NewAccount(
                "heshan_leader", "鹤山镇领导 Heshan leader", Role.TOWN_LEADER, List.of(HESHAN), null),
            new NewAccount(
                "xuzhuang_leader",
                "许庄镇领导 Xuzhuang leader",
                Role.TOWN_LEADER,
                List.of(XUZHUANG),
                null),
            new NewAccount(
                "heping_leader",
                "和平社区书记 Heping leader",
                Role.COMMUNITY_LEADER,
                List.of(HEPING),
                null),
            new NewAccount(
                "heping_grid1",
                "和平社区第一网格员 Grid worker",
                Role.GRID_STAFF,
                List.of(HEPING_GRID_1),
                null));
    List<Login> created = new ArrayList<>();
    for (NewAccount n : wanted) {
      var c = accounts.createFromCommandLine(n);
      created.add(new Login(n.username(), n.role(), n.areaCodes(), c.generatedPassword()));
    }
    return created;
  }

  /** Prints the logins as a table; this is the only time the passwords are shown. */
  public static void print(List<Login> logins, PrintStream out) {
    if (logins.isEmpty()) {
      return;
    }
    out.println();
    out.println(
        "Demo accounts (passwords are shown this once; change them with POST /api/me/password):");
    out.printf("  %-16s %-17s %-18s %s%n", "username", "role", "areas", "password");
    for (Login l : logins) {
      out.printf(
          "  %-16s %-17s %-18s %s%n",
          l.username(),
          l.role().code(),
          l.areas().isEmpty() ? "(all)" : String.join(",", l.areas()),
          l.password());
    }
    out.println();
  }
}
