package org.gridmap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridmap.testing.Browser;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public map (/) in a real headless Chromium against the demo data. Each test saves a
 * screenshot under target/screenshots/ and fails on any error in the browser console.
 */
class PublicMapBrowserIT {
  static final String HEPING_GRID_1 = "370112101001001";

  private final TestApp app = TestApp.shared();
  private Browser browser;

  private Browser open(String language, int width, int height) {
    browser = Browser.open(app.baseUrl(), language, width, height);
    browser.get("/");
    browser.waitReady();
    return browser;
  }

  @AfterEach
  void no_errors_in_the_browser_console() {
    if (browser != null) {
      browser.closeCheckingConsole();
    }
  }

  @Test
  void the_public_map_draws_every_demo_grid() {
    open("zh-CN", 1440, 900);
    int grids = app.getJson("/api/areas?level=grid").size();
    assertEquals(95, grids);
    assertEquals(
        String.valueOf(grids),
        browser.driver().findElement(By.tagName("body")).getAttribute("data-grids"));
    assertEquals(grids, browser.driver().findElements(By.cssSelector("path.grid-path")).size());
    assertEquals(
        grids,
        browser.driver().findElements(By.cssSelector("path.grid-path[data-code]")).size(),
        "every drawn grid carries its code");
    browser.screenshot("public-map");
  }

  @Test
  void the_language_toggle_switches_the_ui_text() {
    open("zh-CN", 1440, 900);
    WebElement locate = browser.driver().findElement(By.id("locate-me"));
    assertEquals("我在哪个网格？", locate.getText());
    assertEquals("zh-CN", browser.script("return document.documentElement.lang"));
    browser.driver().findElement(By.id("lang")).click();
    assertEquals("Which grid am I in?", locate.getText());
    assertEquals("en", browser.script("return document.documentElement.lang"));
    assertTrue(
        browser.driver().findElement(By.id("page-title")).getText().contains("Grid Map"),
        "the title follows the language");
    browser.screenshot("public-map-english");
    browser.driver().findElement(By.id("lang")).click();
    assertEquals("我在哪个网格？", locate.getText());
  }

  @Test
  void clicking_a_grid_shows_its_card() {
    open("zh-CN", 1440, 900);
    zoomToGrid(HEPING_GRID_1);
    browser
        .driver()
        .findElement(By.cssSelector("path.grid-path[data-code='" + HEPING_GRID_1 + "']"))
        .click();
    WebElement card =
        browser.waitFor(By.cssSelector("#grid-card[data-code='" + HEPING_GRID_1 + "']"));
    assertEquals("和平社区第一网格", card.findElement(By.cssSelector(".card-title")).getText());
    assertTrue(card.getText().contains("和平社区"), card.getText());
    browser.waitUntil("!document.querySelector('#grid-card .staff-list .muted')");
    browser.screenshot("public-grid-card");
  }

  @Test
  void search_finds_a_community_by_its_english_name_and_a_grid_by_chinese() {
    open("zh-CN", 1440, 900);
    WebElement search = browser.driver().findElement(By.id("search"));
    search.sendKeys("heping grid 1");
    browser.waitFor(By.cssSelector(".search-hit")).click();
    browser.waitFor(By.cssSelector("#grid-card[data-code='" + HEPING_GRID_1 + "']"));
  }

  @Test
  void on_a_phone_the_panel_is_a_bottom_sheet_below_the_map() {
    open("zh-CN", 390, 844);
    zoomToGrid(HEPING_GRID_1);
    browser
        .driver()
        .findElement(By.cssSelector("path.grid-path[data-code='" + HEPING_GRID_1 + "']"))
        .click();
    browser.waitFor(By.cssSelector("#grid-card"));
    // a bottom sheet: full width, anchored to the bottom edge, leaving the top of the map visible
    // (wait for its height transition to end before measuring)
    browser.waitUntil(
        "(() => { const r = document.getElementById('panel').getBoundingClientRect();"
            + " return Math.abs(r.bottom - window.innerHeight) < 2 && r.top > 120; })()");
    WebElement panel = browser.driver().findElement(By.id("panel"));
    assertTrue(panel.getRect().getY() > 120, "the sheet starts below the top of the map");
    assertEquals(390, panel.getRect().getWidth());
    browser.screenshot("public-phone");
  }

  private void zoomToGrid(String code) {
    // search selects and zooms; clear the card again so that the click is what shows it
    WebElement search = browser.driver().findElement(By.id("search"));
    search.sendKeys(code);
    browser.waitFor(By.cssSelector(".search-hit")).click();
    browser.waitFor(By.cssSelector("#grid-card"));
    browser.driver().findElement(By.cssSelector("#grid-card .card-close")).click();
    browser.waitUntil("!document.querySelector('#grid-card')");
  }
}
