package org.gridmap.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridmap.testing.Browser;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The staff view (/staff) on a phone: after login, the grid worker's own grid is highlighted. */
class StaffMapBrowserIT {
  private final TestApp app = TestApp.shared();
  private Browser browser;

  @AfterEach
  void no_errors_in_the_browser_console() {
    if (browser != null) {
      browser.closeCheckingConsole();
    }
  }

  @Test
  void after_login_the_grid_worker_sees_their_grid() {
    browser = Browser.open(app.baseUrl(), "zh-CN", 412, 860);
    browser.get("/staff");
    browser.waitFor(By.id("login-username")).sendKeys("heping_grid1");
    browser
        .driver()
        .findElement(By.id("login-password"))
        .sendKeys(app.demoPassword("heping_grid1"));
    browser.driver().findElement(By.id("login-submit")).click();
    browser.waitReady();
    browser.waitFor(By.cssSelector("path.grid-path.selected[data-code='370112101001001']"));
    assertTrue(browser.driver().findElement(By.id("my-grid-name")).getText().contains("和平社区第一网格"));
    browser.waitFor(By.cssSelector(".where, #report-unavailable"));
    browser.screenshot("staff-my-grid");
  }
}
