package org.gridmap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gridmap.testing.Browser;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The leader view (/leader) in a real headless Chromium: log in as the Heshan town leader and see
 * the hazard heat and the Gi* hot spots of test events (a dense cluster in Heping grid 1 over a
 * thin spread across the town), each with its legend, and the statistics panel.
 */
class LeaderViewBrowserIT {
  private static final TestApp app = TestApp.shared();
  private Browser browser;

  @BeforeAll
  static void events() {
    Instant recent = Instant.now().minus(20, ChronoUnit.MINUTES);
    TestEvents.insertRandom("370112101", 400, 91, "browser_fire_hazard", recent);
    TestEvents.insertRandom("370112101001001", 160, 92, "browser_fire_hazard", recent);
  }

  @AfterEach
  void no_errors_in_the_browser_console() {
    if (browser != null) {
      browser.closeCheckingConsole();
    }
  }

  private void logIn(String username) {
    browser.get("/leader");
    browser.waitFor(By.id("login-username")).sendKeys(username);
    browser.driver().findElement(By.id("login-password")).sendKeys(app.demoPassword(username));
    browser.driver().findElement(By.id("login-submit")).click();
    browser.waitReady();
  }

  @Test
  void after_login_the_leader_sees_heat_and_hot_spots_with_their_legends() {
    browser = Browser.open(app.baseUrl(), "zh-CN", 1440, 900);
    logIn("heshan_leader");
    WebElement heatLegend = browser.waitFor(By.cssSelector(".legend-heat"));
    WebElement hotLegend = browser.waitFor(By.cssSelector(".legend-hotspots"));
    browser.waitUntil("document.querySelectorAll('path.heat-cell').length > 0");
    browser.waitUntil("document.querySelectorAll('path.hot-cell').length > 0");
    assertTrue(heatLegend.findElements(By.cssSelector(".legend-ramp span")).size() >= 5);
    assertTrue(hotLegend.getText().contains("Getis-Ord Gi*"), hotLegend.getText());
    assertTrue(hotLegend.getText().contains("8"), "the legend states the neighbourhood");
    int hot = Integer.parseInt(browser.script("return document.body.dataset.hotCells").toString());
    assertTrue(hot > 0, "the cluster in Heping grid 1 is a hot spot");
    assertTrue(
        browser.driver().findElement(By.id("page-title")).getText().contains("鹤山镇"),
        "the title names the leader's town");
    browser.waitFor(By.id("survey-progress"));
    browser.waitFor(By.cssSelector(".kpi-value.hot"));
    browser.screenshot("leader-heat-hotspots");
  }

  @Test
  void the_leader_view_switches_language_and_keeps_its_layers() {
    browser = Browser.open(app.baseUrl(), "zh-CN", 1440, 900);
    logIn("heshan_leader");
    browser.waitFor(By.cssSelector(".legend-hotspots"));
    browser.driver().findElement(By.id("lang")).click();
    WebElement hotLegend = browser.waitFor(By.cssSelector(".legend-hotspots"));
    assertTrue(hotLegend.getText().contains("Neighbourhood"), hotLegend.getText());
    assertEquals(
        "This month",
        browser
            .driver()
            .findElement(By.cssSelector("#period button[data-period='month']"))
            .getText());
    browser.screenshot("leader-english");
  }

  @Test
  void a_grid_worker_cannot_open_the_leader_view() {
    browser = Browser.open(app.baseUrl(), "zh-CN", 1440, 900);
    browser.get("/leader");
    browser.waitFor(By.id("login-username")).sendKeys("heping_grid1");
    browser
        .driver()
        .findElement(By.id("login-password"))
        .sendKeys(app.demoPassword("heping_grid1"));
    browser.driver().findElement(By.id("login-submit")).click();
    WebElement error = browser.waitFor(By.cssSelector(".login-error"));
    browser.waitUntil("document.querySelector('.login-error').textContent.length > 0");
    assertTrue(error.getText().contains("无权"), error.getText());
  }

  @Test
  void on_a_phone_the_statistics_open_as_a_drawer() {
    browser = Browser.open(app.baseUrl(), "zh-CN", 390, 844);
    logIn("heshan_leader");
    browser.waitFor(By.cssSelector(".legend-heat"));
    browser.driver().findElement(By.id("toggle-stats")).click();
    browser.waitUntil("document.getElementById('stats-panel').getBoundingClientRect().left < 100");
    browser.screenshot("leader-phone-statistics");
  }
}
