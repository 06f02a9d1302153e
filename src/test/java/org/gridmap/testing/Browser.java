package org.gridmap.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through {@code chromium-driver})
 * against the test app. Both binaries are taken from /usr/bin and nothing is ever downloaded
 * (Selenium Manager does not run when the driver and the browser are given). A missing browser
 * fails the test with the packages to install. Collects the browser console and saves screenshots
 * under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = TestDatabase.projectDir().resolve("target/screenshots");

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** A browser with a desktop window, the given UI language (zh-CN or en) and no geolocation. */
  public static Browser open(String baseUrl, String language, int width, int height) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new AssertionError(
            binary
                + " is missing: the browser tests need Debian's chromium and chromium-driver"
                + " (apt-get install chromium chromium-driver fonts-wqy-zenhei; .ci/run does it)");
      }
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("gridmap-chromium");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
              .build();
      Files.createDirectories(SCREENSHOTS);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--no-default-browser-check",
          "--hide-scrollbars",
          "--lang=" + language,
          "--accept-lang=" + language,
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(width, height));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return new Browser(driver, service, profile, baseUrl);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void get(String path) {
    driver.get(baseUrl + path);
  }

  /** Waits until the page's script has set {@code <body data-ready="true">}. */
  public void waitReady() {
    waitFor(By.cssSelector("body[data-ready='true']"));
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitUntil(String javascriptCondition) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> Boolean.TRUE.equals(driver.executeScript("return " + javascriptCondition)));
  }

  public Object script(String javascript, Object... args) {
    return driver.executeScript(javascript, args);
  }

  /** Lets the page believe the device stands at lon, lat (and allows it to ask). */
  public void placeAt(double lon, double lat) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("origin", baseUrl, "permissions", List.of("geolocation")));
    driver.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", lat, "longitude", lon, "accuracy", 5));
  }

  /** Saves a screenshot as target/screenshots/NAME.png and returns its path. */
  public Path screenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return target;
  }

  /** Console messages of level SEVERE (errors, failed loads) since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Closes the browser, failing when its console logged errors (after every browser test). */
  public void closeCheckingConsole() {
    try {
      List<String> errors = consoleErrors();
      if (!errors.isEmpty()) {
        throw new AssertionError("browser console errors:\n" + String.join("\n", errors));
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
