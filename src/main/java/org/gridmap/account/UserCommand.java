package org.gridmap.account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridmap.access.Role;

/**
 * {@code gridmap user add --role ROLE [--area CODE]... [--display-name TEXT] NAME}: creates an
 * account from the command line, e.g. the first admin. The password is prompted for twice on a
 * terminal, or read from the first line of standard input otherwise; it is never an argument (it
 * would show in the process list and shell history).
 */
public final class UserCommand {
  public static final String USAGE =
      "usage: gridmap user add --role admin|town_leader|community_leader|grid_staff"
          + " [--area CODE]... [--display-name TEXT] NAME";

  private final Accounts accounts;
  private final PrintStream out;
  private final PrintStream err;

  public UserCommand(Accounts accounts, PrintStream out, PrintStream err) {
    this.accounts = accounts;
    this.out = out;
    this.err = err;
  }

  /** Returns the process exit code: 0 done, 1 refused, 2 bad usage. */
  public int run(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("add")) {
      err.println(USAGE);
      return 2;
    }
    Role role = null;
    String displayName = null;
    List<String> areas = new ArrayList<>();
    String name = null;
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--role", "--area", "--display-name" -> {
          if (i + 1 >= args.size()) {
            err.println(a + " needs a value\n" + USAGE);
            return 2;
          }
          String v = args.get(++i);
          if (a.equals("--role")) {
            role = Role.ofCode(v).orElse(null);
            if (role == null) {
              err.println("unknown role '" + v + "'\n" + USAGE);
              return 2;
            }
          } else if (a.equals("--area")) {
            areas.add(v);
          } else {
            displayName = v;
          }
        }
        default -> {
          if (a.startsWith("-") || name != null) {
            err.println("unexpected argument '" + a + "'\n" + USAGE);
            return 2;
          }
          name = a;
        }
      }
    }
    if (role == null || name == null) {
      err.println(USAGE);
      return 2;
    }
    String password = readPassword();
    if (password == null) {
      return 1;
    }
    var created =
        accounts.createFromCommandLine(
            new NewAccount(name, displayName == null ? name : displayName, role, areas, password));
    out.println(
        "created "
            + role.code()
            + " account '"
            + created.account().username()
            + "' (id "
            + created.account().id()
            + ")");
    return 0;
  }

  private String readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password for the new account: ");
      char[] second = console.readPassword("Repeat the password: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        err.println("The passwords do not match.");
        return null;
      }
      return new String(first);
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        err.println("No password on standard input.");
        return null;
      }
      return line;
    } catch (IOException e) {
      err.println("Cannot read the password: " + e.getMessage());
      return null;
    }
  }
}
