package org.gridmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridmap.account.AccountRoutes;
import org.gridmap.account.Accounts;
import org.gridmap.account.PasswordHasher;
import org.gridmap.account.PostgresAccountRepository;
import org.gridmap.account.UserCommand;
import org.gridmap.area.AreaImport;
import org.gridmap.area.AreaImportRoutes;
import org.gridmap.area.AreaRepository;
import org.gridmap.area.AreaRoutes;
import org.gridmap.area.HibernateAreaRepository;
import org.gridmap.area.ImportAreasCommand;
import org.gridmap.area.PostgresImportStore;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.db.Database;
import org.gridmap.db.Orm;
import org.gridmap.demo.DemoAccounts;
import org.gridmap.demo.DemoGenerator;
import org.gridmap.demo.DemoLoader;
import org.gridmap.error.DomainException;
import org.gridmap.geo.FeatureFiles;
import org.gridmap.geo.Ogr;
import org.gridmap.http.Access;
import org.gridmap.http.Guard;
import org.gridmap.http.HttpServer;
import org.gridmap.http.Json;
import org.gridmap.http.RateLimiter;
import org.gridmap.http.Route;
import org.gridmap.http.RouteTable;
import org.gridmap.http.SystemRoutes;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the configuration, opens the database, runs migrations, builds every
 * object and starts the HTTP server. Nothing else in the code base creates long-lived objects.
 */
public final class GridMapApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GridMapApp.class);

  static final String USAGE =
      """
      usage: gridmap <command> [options]

        serve [--demo]        run the HTTP server; --demo loads the demo towns and demo accounts
                              into an empty database
        user add --role ROLE [--area CODE]... [--display-name TEXT] NAME
                              create an account (password prompted, or read from stdin)
        import-areas FILE --level LEVEL [--parent CODE] [--code-field F] [--name-field F]
                     [--crs EPSG:xxxx|GCJ-02|BD-09] [--layer NAME] [--repair] [--dry-run]
                     [--report text|json] [--progress]
                              import boundaries (GeoJSON; Shapefile, zip, GeoPackage, KML,
                              FlatGeobuf, DXF through GDAL) as the areas of one level
        generate-demo [FILE]  regenerate geodata/demo-areas.geojson from the demo generator
      """;

  /** The domain objects over one database, shared by the server and the commands. */
  record Core(
      AppConfig config,
      Database database,
      SessionFactory sessions,
      ObjectMapper mapper,
      AreaRepository areas,
      PostgresAuditLog audit,
      Accounts accounts,
      AreaImport imports)
      implements AutoCloseable {

    static Core open(AppConfig config) {
      Database database = Database.open(config);
      try {
        database.migrate();
        SessionFactory sessions =
            Orm.sessionFactory(database.dataSource(), HibernateAreaRepository.ENTITIES);
        ObjectMapper mapper = Json.mapper();
        PostgresAuditLog audit = new PostgresAuditLog(database, mapper);
        Accounts accounts =
            new Accounts(
                new PostgresAccountRepository(database, audit),
                new PasswordHasher(),
                config.getInt(Option.LOGIN_MAX_FAILURES),
                Duration.ofSeconds(config.getLong(Option.LOGIN_LOCKOUT_SECONDS)),
                Duration.ofSeconds(config.getLong(Option.SESSION_IDLE_SECONDS)),
                Duration.ofSeconds(config.getLong(Option.SESSION_MAX_SECONDS)),
                Clock.systemUTC());
        AreaRepository areas = new HibernateAreaRepository(sessions);
        // Issue 5's point-in-grid index subscribes here to rebuild after boundaries change.
        Runnable boundariesChanged = () -> log.info("Area boundaries changed by an import");
        AreaImport imports =
            new AreaImport(
                areas,
                new PostgresImportStore(database, audit),
                new FeatureFiles(new Ogr("ogr2ogr", "ogrinfo")),
                boundariesChanged);
        return new Core(config, database, sessions, mapper, areas, audit, accounts, imports);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }

    @Override
    public void close() {
      sessions.close();
      database.close();
    }
  }

  private final Core core;
  private final HttpServer server;
  private final List<Route> routes;
  private final List<DemoAccounts.Login> demoLogins;

  private GridMapApp(
      Core core, HttpServer server, List<Route> routes, List<DemoAccounts.Login> demoLogins) {
    this.core = core;
    this.server = server;
    this.routes = routes;
    this.demoLogins = demoLogins;
  }

  /** Opens the database, migrates it, optionally loads the demo, and starts serving. */
  public static GridMapApp start(AppConfig config, boolean demo) {
    Core core = Core.open(config);
    try {
      List<DemoAccounts.Login> demoLogins = demo ? loadDemo(core) : List.of();
      Guard guard =
          new Guard(
              core.accounts(),
              new RateLimiter(
                  Map.of(
                      RateLimiter.Bucket.LOGIN, config.getInt(Option.RATE_LOGIN_PER_MINUTE),
                      RateLimiter.Bucket.PUBLIC, config.getInt(Option.RATE_PUBLIC_PER_MINUTE),
                      RateLimiter.Bucket.REPORT, config.getInt(Option.RATE_REPORT_PER_MINUTE)),
                  Clock.systemUTC()),
              Map.of(
                  Access.Scoped.AREA_CODE,
                  (caller, code) ->
                      core.areas()
                          .find(code)
                          .map(a -> caller.scope().covers(a.path()))
                          .orElse(true),
                  Access.Scoped.ACCOUNT_ID,
                  (caller, id) ->
                      !id.matches("\\d{1,18}")
                          || core.accounts().manages(caller, Long.parseLong(id))),
              config.getLong(Option.MAX_BODY_BYTES),
              config.getBoolean(Option.TRUST_PROXY));
      long maxImportBytes = config.getLong(Option.MAX_IMPORT_BYTES);
      RouteTable table =
          new RouteTable(
              new SystemRoutes(core.database()::isUp, config),
              new AreaRoutes(core.areas(), core.mapper()),
              new AreaImportRoutes(core.imports(), guard, maxImportBytes),
              maxImportBytes,
              new AccountRoutes(
                  core.accounts(),
                  guard,
                  core.mapper(),
                  config.getLong(Option.SESSION_MAX_SECONDS)),
              new AuditRoutes(core.audit()));
      HttpServer server =
          new HttpServer(
                  config.get(Option.HOST),
                  config.getInt(Option.PORT),
                  Math.max(config.getLong(Option.MAX_BODY_BYTES), 16L << 20),
                  maxImportBytes,
                  core.mapper(),
                  guard,
                  table.routes())
              .start();
      return new GridMapApp(core, server, table.routes(), demoLogins);
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
  }

  /**
   * The routes this server answers, each with its access rule (the route-matrix test walks them).
   */
  public List<Route> routes() {
    return routes;
  }

  private static List<DemoAccounts.Login> loadDemo(Core core) {
    int loaded = new DemoLoader(core.areas(), core.mapper()).loadIfEmpty();
    log.info(
        loaded > 0
            ? "Loaded " + loaded + " demo areas"
            : "Database already has areas; demo areas not loaded");
    List<DemoAccounts.Login> logins = new DemoAccounts(core.accounts()).createIfNone();
    DemoAccounts.print(logins, System.out);
    return logins;
  }

  /** The demo accounts created by this start (empty when none were created). */
  public List<DemoAccounts.Login> demoLogins() {
    return demoLogins;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    core.close();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0) {
      System.err.print(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "serve" -> {
          boolean demo = false;
          for (String option : rest) {
            if (option.equals("--demo")) {
              demo = true;
            } else {
              System.err.println("serve: unknown option " + option);
              System.err.print(USAGE);
              return 2;
            }
          }
          GridMapApp app = start(AppConfig.fromEnv(System.getenv()), demo);
          Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
          log.info("GridMap listening on http://localhost:{}/", app.port());
          Thread.currentThread().join();
          return 0;
        }
        case "user" -> {
          try (Core core = Core.open(AppConfig.fromEnv(System.getenv()))) {
            return new UserCommand(core.accounts(), System.out, System.err).run(rest);
          }
        }
        case "import-areas" -> {
          try (Core core = Core.open(AppConfig.fromEnv(System.getenv()))) {
            return new ImportAreasCommand(
                    core.imports(), core.mapper(), System.out, System.err, System.console() != null)
                .run(rest);
          }
        }
        case "generate-demo" -> {
          DemoGenerator.main(rest.toArray(String[]::new));
          return 0;
        }
        case "help", "-h", "--help" -> {
          System.out.print(USAGE);
          return 0;
        }
        default -> {
          System.err.println("unknown command: " + args[0]);
          System.err.print(USAGE);
          return 2;
        }
      }
    } catch (DomainException e) {
      System.err.println("gridmap: " + e.getMessage());
      return 1;
    } catch (AppConfig.ConfigException | IllegalStateException e) {
      System.err.println("gridmap: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      System.err.println("gridmap: " + e.getMessage());
      return 1;
    }
  }
}
