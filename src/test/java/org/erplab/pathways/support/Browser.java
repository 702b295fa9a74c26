package org.erplab.pathways.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the webapps: headless Chromium driven by chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; other paths with {@code -Dbrowser.chromium=} and {@code -Dbrowser.chromedriver=}), with a
 * fresh profile each time. Missing, it fails the test: a browser test that skips proves nothing.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  // generous: the machine that runs the suite may be busy with other builds (a page that never comes still fails)
  static final Duration WAIT = Duration.ofSeconds(45);
  static final By LOGIN = By.cssSelector("input[ng-model=username]");
  static final By TASK_LIST = By.cssSelector(".column-center.tasks-list");

  private final Path profile;
  private final WebDriver driver;
  private final String base;
  /** Who logged in to Tasklist last, to log in again if Tasklist drops the session. */
  private String user;

  private Browser(int port) {
    for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException(program + " is missing: install chromium and chromium-driver (README, Test it)");
      }
    }
    try {
      this.profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--window-size=1400,1000", "--lang=it-IT",
        "--user-data-dir=" + profile);
    // the users' language: headless Chromium ignores --lang for navigator.languages, which the webapps read
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "it-IT,it"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
        .usingAnyFreePort()
        // the users' time zone, whatever the machine's: Tasklist shows dates in the browser's zone
        .withEnvironment(java.util.Map.of("TZ", "Europe/Rome"))
        .build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://localhost:" + port;
  }

  public static Browser open(int port) {
    return new Browser(port);
  }

  /**
   * Logs in to Tasklist through its login page (password {@code demo}) and waits for the task list; once more if
   * Tasklist dropped back to its login page (see {@link #tasklist(String, By)}).
   */
  public Browser loginToTasklist(String user) {
    this.user = user;
    submitLogin();
    try {
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(TASK_LIST));
    } catch (org.openqa.selenium.TimeoutException droppedBackToLogin) {
      submitLogin();
      waitFor(TASK_LIST);
    }
    return this;
  }

  /**
   * Opens one of our pages ({@code path} from the application's root) and waits for {@code ready}. On a busy machine
   * the webapps' session was seen to vanish just after a login (ADR 0026; the page then says "Sessione scaduta"): a
   * user logs in again and reloads, and so does this browser, once. The cause found (ADR 0043) is fixed; this stays
   * as a user's own resilience.
   */
  public WebElement page(String path, By ready) {
    driver.get(base + path);
    WebElement shown = waitFor(ready);
    if (text().contains("Sessione scaduta") || text().contains("accedi prima a")) {
      loginToTasklist(user);
      driver.get(base + path);
      shown = waitFor(ready);
    }
    return shown;
  }

  /**
   * Chooses {@code value} in the select {@code id} once the page has listed it (our pages fill their selects after
   * reading the session: choosing at once races the page).
   */
  public void choose(String id, String value) {
    waitUntil("option " + value + " of #" + id + " is listed",
        () -> !all(By.cssSelector("#" + id + " option[value='" + value + "']")).isEmpty());
    new org.openqa.selenium.support.ui.Select(waitFor(By.id(id))).selectByValue(value);
  }

  /**
   * Clicks a download link of one of our pages and returns the bytes of the file it saved: {@code
   * Pagine.downloaded()}, the answer the page fetched in its session (headless Chromium keeps no file).
   */
  public byte[] download(By link) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__before = Pagine.downloaded();");
    click(link);
    waitUntil("the file is saved", () -> Boolean.TRUE.equals(js.executeScript(
        "return Pagine.downloaded() !== null && Pagine.downloaded() !== window.__before;")));
    Object base64 = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        Pagine.downloaded().blob.arrayBuffer()
          .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
          .catch(e => done('ERROR ' + e));""");
    if (String.valueOf(base64).startsWith("ERROR")) {
      throw new IllegalStateException("The page could not read the file it saved: " + base64);
    }
    return java.util.Base64.getDecoder().decode(String.valueOf(base64));
  }

  /** Opens a Tasklist page by its hash route ({@code #/?task=...}). */
  public void tasklist(String route) {
    driver.get(base + "/camunda/app/tasklist/default/" + route);
  }

  /**
   * Opens a Tasklist page by its hash route and waits for {@code expected} on it. On a busy machine Tasklist was seen to
   * drop back to its login page just after a login or while opening a task (a 401 from the webapps' engine API for
   * a request its old session sent, ADR 0026); a user then logs in again, and so does this browser, once.
   */
  public WebElement tasklist(String route, By expected) {
    tasklist(route);
    if (!reached(expected)) {
      loginToTasklist(user);
      tasklist(route);
    }
    return waitFor(expected);
  }

  private void submitLogin() {
    driver.get(base + "/camunda/app/tasklist/default/");
    waitFor(LOGIN).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Waits until {@code expected} shows, or Tasklist's login page does: whether the page was reached. */
  private boolean reached(By expected) {
    waitUntil("the page or Tasklist's login page", () -> !all(expected).isEmpty()
        || driver.getCurrentUrl().endsWith("#/login") && !all(LOGIN).isEmpty());
    return !all(expected).isEmpty();
  }

  /**
   * Clicks the element once it is visible, scrolled to the middle of the window (Camunda's footer covers the foot);
   * again while another element would take the click (Tasklist still laying out its columns).
   */
  public void click(By locator) {
    WebElement element = waitFor(locator);
    new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "arguments[0].scrollIntoView({block: 'center'});", element);
      WebElement clickable = ExpectedConditions.elementToBeClickable(element).apply(d);
      if (clickable == null) {
        return false;
      }
      clickable.click();
      return true;
    });
  }

  public WebElement waitFor(By locator) {
    try {
      return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (org.openqa.selenium.TimeoutException e) {
      saveFailure();
      throw e;
    }
  }

  /** The page as it was when a wait failed: {@code screenshots.dir}/failure-*.png (with the page's text beside it). */
  private void saveFailure() {
    try {
      String name = "failure-" + System.currentTimeMillis();
      Files.writeString(screenshot(name).resolveSibling(name + ".txt"), driver.getCurrentUrl() + "\n" + text());
    } catch (IOException | RuntimeException e) {
      // the wait's own failure is what matters
    }
  }

  /**
   * Keeps the page as {@code screenshots.dir}/{@code name}.png ({@code <build dir>/screenshots}; the README's guides
   * show copies of them from {@code docs/guide/img}).
   */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the condition holds (checked every half second), or fails with the description. An element the page
   * replaced while the condition read it (a table re-rendered) only means "not yet": the condition is read again.
   */
  public void waitUntil(String description, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, WAIT).withMessage(description)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /** The visible text of the page. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
