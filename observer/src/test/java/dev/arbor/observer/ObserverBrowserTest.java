package dev.arbor.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The observer in a real headless Chromium, against a running tree ({@link ShopTree}). Every wait is
 * bounded (WebDriverWait polls the page's DOM, which the server-sent events update).
 */
@SuppressWarnings("try") // blocks that need a process identity, not a name for it
class ObserverBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static ShopTree shop;
  private static Observer observer;
  private static Chromium chromium;

  @BeforeAll
  static void start() throws Exception {
    shop = new ShopTree();
    observer = Observer.start();
    chromium = Chromium.start();
  }

  @AfterAll
  static void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (observer != null) {
        observer.close();
      }
      if (shop != null) {
        shop.close();
      }
    }
  }

  /** Loads the page afresh (a URL that differs only in its hash would not reload it). */
  private static void open(String hash) {
    chromium.driver.get("about:blank");
    chromium.driver.get(observer.url() + hash);
  }

  /**
   * A bounded wait on the page. The page redraws a view from each event it receives, so an element
   * found a moment ago may be gone: conditions look elements up afresh, and a stale one means "not yet".
   */
  private static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(chromium.driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static By childRow(String id) {
    return By.cssSelector(".child-row[data-child='" + id + "']");
  }

  /** The text of what {@code by} finds, once something is there. */
  private static String text(By by) {
    return waiting().until(d -> d.findElement(by).getText());
  }

  private static String attribute(By by, String name) {
    return waiting().until(d -> d.findElement(by).getAttribute(name));
  }

  @Test
  void observerTreeShowsSupervisorsAndChildren() throws Exception {
    open("#/tree");
    for (String id : List.of("stock", "vault", "workers", "w1", "w2")) {
      assertEquals(shop.whereis(id).toString(), attribute(childRow(id), "data-pid"), id + "'s pid");
    }
    By workers = By.cssSelector(".sup[data-supervisor='" + shop.whereis("workers") + "']");
    assertTrue(text(new ByChained(workers, By.cssSelector(".sup-head"))).contains("one for one"));
    assertEquals(2, (int) waiting().until(d -> d.findElement(workers).findElements(By.cssSelector(".child-row")).size()),
        "workers' children nest under it");
    By top = By.cssSelector(".sup[data-supervisor='" + shop.shop.pid() + "'] > .sup-head");
    assertTrue(text(top).contains("shop"), text(top));
    assertTrue(text(top).contains("at most 100 restarts in 1 s"), text(top));
    assertTrue(text(childRow("stock")).contains("Stock"), "a server child shows its class");
    assertTrue(text(childRow("stock")).contains("permanent"), "and its restart type");
    chromium.screenshot("tree");
  }

  @Test
  void killFromPageShowsRestartedChildLive() throws Exception {
    open("#/tree");
    Pid before = shop.whereis("w2");
    waiting().until(d -> before.toString().equals(d.findElement(childRow("w2")).getAttribute("data-pid")));
    JavascriptExecutor js = chromium.driver;
    js.executeScript("window.__sameDocument = true;");
    waiting().until(d -> {
      d.findElement(childRow("w2")).findElement(By.cssSelector("button[data-action='kill']")).click();
      return true;
    });
    waiting().until(ExpectedConditions.alertIsPresent()).accept();
    // One look at the row: its pid, highlight and text from the same redraw.
    List<String> shown = waiting().until(d -> {
      WebElement r = d.findElement(childRow("w2"));
      String pid = r.getAttribute("data-pid");
      return pid != null && !pid.isEmpty() && !pid.equals(before.toString())
          ? List.of(pid, r.getAttribute("class"), r.getText()) : null;
    });
    Pid after = shop.whereis("w2");
    assertNotEquals(before, after);
    assertEquals(after.toString(), shown.get(0), "the page shows the restarted child's pid");
    assertTrue(shown.get(1).contains("changed"), "the new pid is highlighted: " + shown.get(1));
    assertTrue(shown.get(2).contains("1 restart"), shown.get(2));
    assertEquals(Boolean.TRUE, js.executeScript("return window.__sameDocument === true;"), "no reload");
    assertFalse(before.isAlive());
    chromium.screenshot("tree-after-kill");
  }

  @Test
  void processTableSortsByMailboxLength() throws Exception {
    open("#/processes");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#processes tbody tr")));
    waiting().until(d -> {
      d.findElement(By.cssSelector("th[data-sort='mailbox']")).click();
      return true;
    });
    waiting().until(d -> "mailbox-500".equals(firstRowName()));
    List<Integer> mailboxes = waiting().until(d -> column(".mailbox"));
    for (int k = 1; k < mailboxes.size(); k++) {
      assertTrue(mailboxes.get(k - 1) >= mailboxes.get(k), "descending by mailbox: " + mailboxes);
    }
    chromium.screenshot("processes");

    waiting().until(d -> {
      d.findElement(By.id("filter")).sendKeys("mailbox-");
      return true;
    });
    waiting().until(d -> d.findElements(By.cssSelector("#processes tbody tr")).size() == 3);
    assertEquals(List.of("mailbox-500", "mailbox-50", "mailbox-5"), waiting().until(d -> names()));
    assertEquals(List.of(500, 50, 5), waiting().until(d -> column(".mailbox")));

    waiting().until(d -> {
      d.findElement(By.cssSelector("th[data-sort='mailbox']")).click(); // now ascending
      return true;
    });
    waiting().until(d -> "mailbox-5".equals(firstRowName()));
    assertEquals(List.of("mailbox-5", "mailbox-50", "mailbox-500"), waiting().until(d -> names()));
  }

  private static String firstRowName() {
    List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#processes tbody tr td.name"));
    return rows.isEmpty() ? null : rows.get(0).getText();
  }

  private static List<String> names() {
    return chromium.driver.findElements(By.cssSelector("#processes tbody td.name")).stream().map(WebElement::getText).toList();
  }

  private static List<Integer> column(String css) {
    return chromium.driver.findElements(By.cssSelector("#processes tbody td" + css)).stream()
        .map(e -> Integer.parseInt(e.getText())).toList();
  }

  @Test
  void processPageShowsRedactedState() throws Exception {
    Pid vault = shop.whereis("vault");
    open("#/process/" + vault.id());
    waiting().until(d -> d.findElement(By.id("state")).getText().contains("secret redacted"));
    String page = text(By.tagName("main"));
    assertFalse(page.contains(ShopTree.SECRET), "the secret never reaches the page");
    assertTrue(chromium.driver.getPageSource().indexOf(ShopTree.SECRET) < 0, "nor its source");
    assertEquals("vault", text(By.id("pname")));
    assertTrue(text(By.id("stack")).contains("at dev.arbor."), "its thread's stack");

    waiting().until(d -> {
      d.findElement(By.id("trace")).click();
      return true;
    });
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("traced")));
    try (var me = dev.arbor.Proc.adopt()) {
      VaultClient.of(vault).secretLength();
    }
    waiting().until(d -> d.findElement(By.id("traced")).getText().contains("call secretLength"));
    chromium.screenshot("process");
  }

  @Test
  void processNamesAreEscaped() throws Exception {
    open("#/processes");
    waiting().until(d -> {
      d.findElement(By.id("filter")).sendKeys("script");
      return true;
    });
    waiting().until(d -> ShopTree.SCRIPT_NAME.equals(firstRowName()));
    assertThrows(NoAlertPresentException.class, () -> chromium.driver.switchTo().alert(), "the name ran as script");
    JavascriptExecutor js = chromium.driver;
    assertEquals(0L, js.executeScript("return document.querySelectorAll('#processes script').length;"));
    Pid named = shop.whereis(ShopTree.SCRIPT_NAME);
    open("#/process/" + named.id());
    waiting().until(d -> ShopTree.SCRIPT_NAME.equals(d.findElement(By.id("pname")).getText()));
    chromium.screenshot("escaped-name");
    assertThrows(NoAlertPresentException.class, () -> chromium.driver.switchTo().alert());
    assertEquals(0L, js.executeScript("return document.querySelectorAll('main script').length;"));
  }

  @Test
  void callsAndOverviewPagesShowLiveFigures() throws Exception {
    open("#/calls");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No call has finished"));
    try (var me = dev.arbor.Proc.adopt()) {
      StockClient stock = StockClient.of(shop.whereis("stock"));
      for (int k = 0; k < 25; k++) {
        stock.count();
      }
    }
    waiting().until(d -> d.findElement(By.id("calls")).getText().contains("Stock count 25"));
    chromium.screenshot("calls");

    open("#/overview");
    waiting().until(d -> d.findElements(By.cssSelector(".chart svg polyline")).size() >= 2);
    waiting().until(d -> {
      d.findElement(By.id("count-calls")).click();
      return true;
    });
    try (var me = dev.arbor.Proc.adopt()) {
      StockClient stock = StockClient.of(shop.whereis("stock"));
      // Calls go on until the chart has counted some: one per poll of the wait, each answered.
      waiting().until(d -> {
        stock.count();
        return d.findElements(By.cssSelector(".chart svg polyline")).size() >= 5;
      });
    }
    String cards = text(By.id("overview-cards"));
    assertTrue(cards.contains("PROCESSES") || cards.contains("Processes"), cards);
    chromium.screenshot("overview");
  }

  @Test
  void readOnlyObserverRefusesActions() throws Exception {
    try (Observer readOnly = Observer.start(ObserverOptions.defaults().readOnly(true))) {
      chromium.driver.get("about:blank");
      chromium.driver.get(readOnly.url() + "#/tree");
      waiting().until(d -> d.findElement(By.id("readonly")).isDisplayed());
      Boolean allOff = waiting().until(d -> {
        List<WebElement> buttons = d.findElements(By.cssSelector(".child-row button"));
        return buttons.isEmpty() ? null : buttons.stream().noneMatch(WebElement::isEnabled);
      });
      assertTrue(allOff, "every action button is off");
      Pid stock = shop.whereis("stock");
      Object answer = ((JavascriptExecutor) chromium.driver).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          fetch('/api/action/kill?pid=%d', { method: 'POST',
              headers: { 'X-Observer-Token': new URLSearchParams(location.search).get('token') } })
            .then(r => r.text().then(t => done(r.status + ' ' + t)), e => done(String(e)));
          """.formatted(stock.id()));
      assertEquals("403 refused: this observer is read-only; actions are off", answer);
      assertTrue(stock.isAlive(), "the page's own POST killed nothing");
      assertEquals(stock, shop.whereis("stock"));
      chromium.screenshot("read-only");
    }
  }

  @Test
  void requestWithoutTokenIsRefused() {
    chromium.driver.manage().deleteAllCookies();
    chromium.driver.get("http://127.0.0.1:" + observer.port() + "/#/tree");
    String body = chromium.driver.findElement(By.tagName("body")).getText();
    assertTrue(body.contains("refused: no token"), body);
    assertTrue(chromium.driver.findElements(By.id("page")).isEmpty(), "no page served");
  }
}
