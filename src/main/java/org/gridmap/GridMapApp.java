package org.gridmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridmap.access.PublicCounts;
import org.gridmap.access.Role;
import org.gridmap.account.AccountRoutes;
import org.gridmap.account.Accounts;
import org.gridmap.account.NewAccount;
import org.gridmap.account.PasswordHasher;
import org.gridmap.account.PostgresAccountRepository;
import org.gridmap.account.UserCommand;
import org.gridmap.analytics.Analytics;
import org.gridmap.analytics.AnalyticsRoutes;
import org.gridmap.analytics.EventTable;
import org.gridmap.analytics.PostgresEventDensity;
import org.gridmap.area.Area;
import org.gridmap.area.AreaImport;
import org.gridmap.area.AreaImportRoutes;
import org.gridmap.area.AreaLayers;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;
import org.gridmap.area.AreaRoutes;
import org.gridmap.area.HibernateAreaRepository;
import org.gridmap.area.ImportAreasCommand;
import org.gridmap.area.PostgresImportStore;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.bench.Bench;
import org.gridmap.bench.EventsBench;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.db.Database;
import org.gridmap.db.Orm;
import org.gridmap.demo.DemoAccounts;
import org.gridmap.demo.DemoEventLoader;
import org.gridmap.demo.DemoGenerator;
import org.gridmap.demo.DemoLoader;
import org.gridmap.demo.DemoRegisterLoader;
import org.gridmap.error.DomainException;
import org.gridmap.event.EventRoutes;
import org.gridmap.event.Events;
import org.gridmap.event.PhotoStore;
import org.gridmap.event.PlaceHazardEvents;
import org.gridmap.event.PostgresEventRepository;
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
import org.gridmap.http.WebPages;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerCatalogue;
import org.gridmap.layer.LayerSource;
import org.gridmap.layer.PostgresFeatureStore;
import org.gridmap.locate.BoundarySource;
import org.gridmap.locate.BulkLocate;
import org.gridmap.locate.CurrentGridIndex;
import org.gridmap.locate.LocateCommand;
import org.gridmap.locate.LocateRoutes;
import org.gridmap.locate.PostgresBoundarySource;
import org.gridmap.ogc.FeatureRoutes;
import org.gridmap.ogc.OgcRoutes;
import org.gridmap.open311.Open311Mapping;
import org.gridmap.open311.Open311Routes;
import org.gridmap.place.KeyPlaces;
import org.gridmap.place.PlaceRoutes;
import org.gridmap.place.PostgresPlaceRepository;
import org.gridmap.register.BuildingRoutes;
import org.gridmap.register.Buildings;
import org.gridmap.register.ImportBuildingsCommand;
import org.gridmap.register.PostgresBuildingRepository;
import org.gridmap.register.RegisterLayers;
import org.gridmap.register.RegisterStats;
import org.gridmap.register.StatsRoutes;
import org.gridmap.staff.PostgresStaffRepository;
import org.gridmap.staff.StaffDirectory;
import org.gridmap.staff.StaffRoutes;
import org.gridmap.survey.PostgresSurveyRepository;
import org.gridmap.survey.SurveyRoutes;
import org.gridmap.survey.Surveys;
import org.gridmap.tiles.PostgresTileStore;
import org.gridmap.tiles.TileCache;
import org.gridmap.tiles.TileRoutes;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the configuration, opens the database, runs migrations, builds every
 * object and starts the HTTP server. Nothing else in the code base creates long-lived objects.
 */
public final class GridMapApp implements AutoCloseable {
  static {
    // Hibernate logs through JBoss Logging; send it to slf4j so simplelogger.properties applies.
    System.setProperty("org.jboss.logging.provider", "slf4j");
  }

  private static final Logger log = LoggerFactory.getLogger(GridMapApp.class);

  static final String USAGE =
      """
      usage: gridmap <command> [options]

        serve [--demo]        run the HTTP server; --demo loads the demo towns and demo accounts
                              into an empty database
        user add --role ROLE [--area CODE]... [--display-name TEXT] NAME
                              create an account (password prompted, or read from stdin)
        locate IN.csv|IN.geojson [--crs CRS] [--lon-field NAME] [--lat-field NAME]
               [--on-error reject|mark] [--tolerance METRES] > OUT
                              assign every point of a file to its grid (progress on stderr)
        bench assign [--grids N] [--points M] [--threads T]
                              point-in-grid assignment: GridMap against PostGIS, and over HTTP
        bench analytics       time the heat and hot-spot aggregation against PostGIS grids
        bench layers          measure GeoJSON streaming and vector tiles against the bare SQL
                              (generates its data in a scratch schema, drops it afterwards)
        import-buildings FILE [--crs CRS] [--format csv|geojson]
                              import buildings (all or nothing) with a progress bar
        bench events [--seconds N] [--clients N]
                              event creation from concurrent HTTP clients against an in-process
                              server: events/s, p50/p99, stored == acknowledged
        generate-demo [FILE [EVENTS]]
                              regenerate the demo files in geodata/ from the demo generator
                              (with FILE: only the demo areas and events, into FILE and EVENTS)
        import-areas FILE --level LEVEL [--parent CODE] [--code-field F] [--name-field F]
                     [--crs EPSG:xxxx|GCJ-02|BD-09] [--layer NAME] [--repair] [--dry-run]
                     [--report text|json] [--progress]
                              import boundaries (GeoJSON; Shapefile, zip, GeoPackage, KML,
                              FlatGeobuf, DXF through GDAL) as the areas of one level
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
      StaffDirectory staff,
      Buildings buildings,
      KeyPlaces places,
      RegisterStats stats,
      Surveys surveys,
      CurrentGridIndex index,
      PostgresEventRepository eventStore,
      Events events,
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
        Clock clock = Clock.systemUTC();
        Accounts accounts =
            new Accounts(
                new PostgresAccountRepository(database, audit),
                new PasswordHasher(),
                config.getInt(Option.LOGIN_MAX_FAILURES),
                Duration.ofSeconds(config.getLong(Option.LOGIN_LOCKOUT_SECONDS)),
                Duration.ofSeconds(config.getLong(Option.SESSION_IDLE_SECONDS)),
                Duration.ofSeconds(config.getLong(Option.SESSION_MAX_SECONDS)),
                clock);
        AreaRepository areas = new HibernateAreaRepository(sessions);
        // Single writes (buildings, places, events) are assigned to grids through the in-memory
        // index of the current boundaries; bulk paths use the same rule in one SQL statement.
        CurrentGridIndex grids = new CurrentGridIndex(new PostgresBoundarySource(database));
        grids.refresh();
        PostgresEventRepository eventStore = new PostgresEventRepository(database, audit);
        Events events =
            new Events(
                eventStore,
                grids,
                new PhotoStore(
                    Path.of(config.get(Option.MEDIA_DIR)), config.getLong(Option.MAX_PHOTO_BYTES)),
                clock,
                Duration.ofHours(config.getLong(Option.MAJOR_ESCALATION_HOURS)),
                config.getInt(Option.DUPLICATE_RADIUS_M),
                Duration.ofDays(config.getLong(Option.DUPLICATE_DAYS)));
        PostgresBuildingRepository buildings = new PostgresBuildingRepository(database, audit);
        PostgresPlaceRepository places = new PostgresPlaceRepository(database, audit);
        return new Core(
            config,
            database,
            sessions,
            mapper,
            areas,
            audit,
            accounts,
            new StaffDirectory(new PostgresStaffRepository(database, audit), areas),
            new Buildings(buildings, areas, grids),
            // an inspection that finds hazards may report a safety-hazard event at the place
            new KeyPlaces(places, areas, grids, new PlaceHazardEvents(events), clock),
            new RegisterStats(buildings, places, areas, clock),
            new Surveys(new PostgresSurveyRepository(database, audit), areas, clock),
            grids,
            eventStore,
            events,
            // a committed boundary import rebuilds the point-in-grid index at once
            new AreaImport(
                areas,
                new PostgresImportStore(database, audit),
                new FeatureFiles(new Ogr("ogr2ogr", "ogrinfo")),
                () -> grids.refresh()));
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }

    @Override
    public void close() {
      index.close();
      sessions.close();
      database.close();
    }
  }

  private final Core core;
  private final CurrentGridIndex grids;
  private final HttpServer server;
  private final List<Route> routes;
  private final List<DemoAccounts.Login> demoLogins;

  private GridMapApp(
      Core core,
      CurrentGridIndex grids,
      HttpServer server,
      List<Route> routes,
      List<DemoAccounts.Login> demoLogins) {
    this.core = core;
    this.grids = grids;
    this.server = server;
    this.routes = routes;
    this.demoLogins = demoLogins;
  }

  /** Opens the database, migrates it, optionally loads the demo, and starts serving. */
  public static GridMapApp start(AppConfig config, boolean demo) {
    return start(config, demo, null, List.of());
  }

  /**
   * Like {@link #start(AppConfig, boolean)}, with the point-in-grid index read from {@code
   * boundaries} instead of the area table (null: the area table; the assignment benchmark serves
   * its own grids this way), and publishing {@code extraLayers} after the built-in layers (tests
   * and the layers benchmark register layers over their own tables this way).
   */
  public static GridMapApp start(
      AppConfig config, boolean demo, BoundarySource boundaries, List<Layer> extraLayers) {
    Core core = Core.open(config);
    CurrentGridIndex grids = null;
    try {
      List<DemoAccounts.Login> demoLogins = demo ? loadDemo(core) : List.of();
      if (boundaries == null) {
        // the index of the core: the one single writes are assigned with, now with the demo
        // built by Core.open, rebuilt by the demo loader after it adds areas: no third build here
        grids = core.index();
        grids.watch(Duration.ofSeconds(config.getLong(Option.LOCATE_REFRESH_SECONDS)));
      } else {
        grids = new CurrentGridIndex(boundaries);
        grids.refresh();
      }
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
                  (caller, id) -> !isId(id) || core.accounts().manages(caller, Long.parseLong(id)),
                  Access.Scoped.STAFF_ID,
                  (caller, id) ->
                      !isId(id) || core.staff().inScopeOrUnknown(caller, Long.parseLong(id)),
                  Access.Scoped.BUILDING_ID,
                  (caller, id) ->
                      !isId(id) || core.buildings().inScopeOrUnknown(caller, Long.parseLong(id)),
                  Access.Scoped.PLACE_ID,
                  (caller, id) ->
                      !isId(id) || core.places().inScopeOrUnknown(caller, Long.parseLong(id)),
                  Access.Scoped.CAMPAIGN_ID,
                  (caller, id) ->
                      !isId(id) || core.surveys().inScopeOrUnknown(caller, Long.parseLong(id)),
                  Access.Scoped.EVENT_ID,
                  (caller, id) -> !isId(id) || core.events().visibleTo(caller, Long.parseLong(id))),
              config.getLong(Option.MAX_BODY_BYTES),
              config.getBoolean(Option.TRUST_PROXY));
      LayerCatalogue catalogue =
          new LayerCatalogue(
              List.of(
                  new AreaLayers(core.areas()), new RegisterLayers(), LayerSource.of(extraLayers)));
      PostgresFeatureStore features = new PostgresFeatureStore(core.database());
      TileCache tiles =
          new TileCache(
              new PostgresTileStore(core.database()), config.getLong(Option.TILE_CACHE_MB) << 20);
      long importMax = config.getLong(Option.IMPORT_MAX_BYTES);
      long maxImportBytes = config.getLong(Option.MAX_IMPORT_BYTES);
      ZoneId zone = timeZone(config);
      long maxPhotoBytes = config.getLong(Option.MAX_PHOTO_BYTES);
      RouteTable table =
          new RouteTable(
              new RouteTable.Handlers(
                  new SystemRoutes(core.database()::isUp, config),
                  new WebPages(),
                  new AreaRoutes(core.areas(), core.mapper()),
                  new LocateRoutes(
                      grids,
                      new BulkLocate(grids::get, core.mapper()),
                      config.getLong(Option.MAX_BULK_BYTES)),
                  new AccountRoutes(
                      core.accounts(),
                      guard,
                      core.mapper(),
                      config.getLong(Option.SESSION_MAX_SECONDS)),
                  new AuditRoutes(core.audit()),
                  new AnalyticsRoutes(
                      new Analytics(
                          new PostgresEventDensity(core.database(), EventTable.EVENTS),
                          core.areas()),
                      core.mapper(),
                      Clock.systemUTC()),
                  new OgcRoutes(catalogue, features, core.mapper(), guard),
                  new FeatureRoutes(catalogue, features, core.mapper(), guard),
                  new TileRoutes(catalogue, tiles, features, guard),
                  new StaffRoutes(core.staff(), guard, core.mapper()),
                  new BuildingRoutes(core.buildings(), guard, core.mapper()),
                  new StatsRoutes(
                      core.stats(), new PublicCounts(config.getInt(Option.SMALL_COUNT))),
                  new PlaceRoutes(core.places(), guard, core.mapper()),
                  new SurveyRoutes(core.surveys(), guard, core.mapper()),
                  new EventRoutes(
                      core.events(),
                      core.areas(),
                      guard,
                      core.mapper(),
                      zone,
                      new PublicCounts(config.getInt(Option.SMALL_COUNT))),
                  new Open311Routes(
                      core.events(),
                      new Open311Mapping(core.events(), core.areas(), zone),
                      guard,
                      zone),
                  new AreaImportRoutes(core.imports(), guard, maxImportBytes)),
              importMax,
              maxPhotoBytes,
              maxImportBytes);
      HttpServer server =
          new HttpServer(
                  config.get(Option.HOST),
                  config.getInt(Option.PORT),
                  Math.max(
                      Math.max(
                          Math.max(config.getLong(Option.MAX_BODY_BYTES), 16L << 20),
                          Math.max(importMax, maxImportBytes)),
                      maxPhotoBytes),
                  maxImportBytes,
                  core.mapper(),
                  guard,
                  table.routes())
              .start();
      return new GridMapApp(core, grids, server, table.routes(), demoLogins);
    } catch (RuntimeException e) {
      if (grids != null && grids != core.index()) {
        grids.close();
      }
      core.close();
      throw e;
    }
  }

  /**
   * The point-in-grid index this server answers from; call {@link CurrentGridIndex#refresh()} after
   * changing boundaries (it also notices changes by itself, see GRIDMAP_LOCATE_REFRESH_SECONDS).
   */
  public CurrentGridIndex grids() {
    return grids;
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
    core.index().refresh(); // demo events and places are assigned through the index
    long started = System.nanoTime();
    var registers =
        new DemoRegisterLoader(
                core.areas(),
                core.buildings(),
                core.places(),
                core.staff(),
                core.surveys(),
                Clock.systemUTC())
            .loadIfEmpty();
    log.info(
        "Loaded demo registers in {} ms: {} buildings, {} key places with {} inspections,"
            + " {} staff, {} survey campaigns (registers that held data were left alone)",
        (System.nanoTime() - started) / 1_000_000,
        registers.buildings(),
        registers.places(),
        registers.inspections(),
        registers.staff(),
        registers.campaigns());
    int events =
        new DemoEventLoader(
                core.eventStore(),
                core.index(),
                Duration.ofHours(core.config().getLong(Option.MAJOR_ESCALATION_HOURS)),
                Clock.systemUTC())
            .loadIfEmpty();
    log.info(
        events > 0
            ? "Loaded " + events + " demo events"
            : "Database already has events; demo events not loaded");
    List<DemoAccounts.Login> logins = new DemoAccounts(core.accounts()).createIfNone();
    DemoAccounts.print(logins, System.out);
    return logins;
  }

  /** A path parameter that can be a database id (anything else is answered 404 by the handler). */
  private static boolean isId(String value) {
    return value.matches("\\d{1,18}");
  }

  /** The demo accounts created by this start (empty when none were created). */
  public List<DemoAccounts.Login> demoLogins() {
    return demoLogins;
  }

  private static ZoneId timeZone(AppConfig config) {
    try {
      return ZoneId.of(config.get(Option.TIME_ZONE));
    } catch (java.time.DateTimeException e) {
      throw new AppConfig.ConfigException(
          Option.TIME_ZONE.env + " must be a time zone such as Asia/Shanghai: " + e.getMessage());
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    if (grids != core.index()) {
      grids.close();
    }
    core.close();
  }

  /**
   * {@code bench events}: starts this server on a free local port against {@code DATABASE_URL} (use
   * a scratch database), loads the demo towns when it has no areas, creates a bench account with
   * one API key per client, and runs {@link EventsBench}.
   */
  private static int benchEvents(List<String> args) throws InterruptedException {
    EventsBench.Options options;
    try {
      options = EventsBench.Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench events: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    AppConfig env = AppConfig.fromEnv(System.getenv());
    int pool = Math.max(env.getInt(Option.DB_POOL_SIZE), options.clients() + 2);
    AppConfig config =
        env.with(Option.PORT, "0")
            .with(Option.HOST, "127.0.0.1")
            .with(Option.DB_POOL_SIZE, String.valueOf(pool));
    try (GridMapApp app = start(config, false)) {
      Core core = app.core;
      new DemoLoader(core.areas(), core.mapper()).loadIfEmpty();
      app.grids().refresh(); // events are assigned through the index: let it see the demo towns
      List<Area> towns = core.areas().list(new AreaQuery("town", null));
      String username = "bench_" + System.currentTimeMillis();
      var account =
          core.accounts()
              .createFromCommandLine(
                  new NewAccount(
                      username,
                      "压测 bench",
                      Role.TOWN_LEADER,
                      towns.stream().map(Area::code).toList(),
                      null));
      var login = core.accounts().login(username, account.generatedPassword().toCharArray());
      List<String> keys = new java.util.ArrayList<>();
      for (int i = 0; i < options.clients(); i++) {
        keys.add(core.accounts().createApiKey(login.principal(), "bench " + i, null).key());
      }
      return new EventsBench(
              options,
              "http://127.0.0.1:" + app.port(),
              keys,
              core.database(),
              core.eventStore()::count,
              towns.stream()
                  .map(t -> core.areas().feature(t.code()).orElseThrow().boundary())
                  .map(b -> b.getEnvelopeInternal())
                  .toList(),
              core.index().getClass().getSimpleName())
          .run(System.out);
    }
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
        case "locate" -> {
          try (Core core = Core.open(AppConfig.fromEnv(System.getenv()));
              CurrentGridIndex grids =
                  new CurrentGridIndex(new PostgresBoundarySource(core.database()))) {
            grids.refresh();
            return new LocateCommand(
                    new BulkLocate(grids::get, core.mapper()), System.out, System.err)
                .run(rest);
          }
        }
        case "bench" -> {
          if (!rest.isEmpty() && rest.get(0).equals("events")) {
            return benchEvents(rest.subList(1, rest.size()));
          }
          AppConfig config = AppConfig.fromEnv(System.getenv());
          try (Core core = Core.open(config)) {
            return Bench.run(config, core.database(), core.accounts(), rest);
          }
        }
        case "import-buildings" -> {
          try (Core core = Core.open(AppConfig.fromEnv(System.getenv()))) {
            return new ImportBuildingsCommand(core.buildings(), System.out, System.err).run(rest);
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
