package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The staff pages in a real browser (headless Chromium), logged in to Tasklist and calling /api in that session:
 * the pathway list and the search ({@code percorsi.html}) and the caseload ({@code carico.html}), each user seeing
 * what the API lets it see. Screenshots in {@code <build dir>/screenshots}.
 */
@PathwaysSpringTest
class StaffPagesBrowserTest {

  private final ApiFixtures api;

  @Autowired
  StaffPagesBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldListAndFindAPathwayForTheLabAndNothingOfItForAnotherOperator() {
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String id = started.pathwayId().toString();
    By row = By.cssSelector("#elenco tbody tr[data-id='" + id + "']");
    By found = By.cssSelector("#risultati tbody tr[data-id='" + id + "']");

    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      page(browser, "/percorsi.html");
      newestFirst(browser);
      assertThat(textOf(browser, row)).contains("LORENTEGGIO", "SOLCO", "Attivo").doesNotContain(started.person().lastName());

      browser.waitFor(By.id("q")).sendKeys(started.person().fiscalCode());
      browser.click(By.id("cerca"));
      assertThat(textOf(browser, found)).contains(started.person().lastName(), started.person().fiscalCode());
      screenshot(browser, "percorsi-ricerca-laboratorio");
    }

    try (Browser browser = Browser.open(api.port()).loginToTasklist(OPERATOR_MESTIERI)) {
      page(browser, "/percorsi.html");
      newestFirst(browser);
      browser.waitUntil("the list is shown", () -> browser.text().contains("Pagina 1"));
      assertThat(browser.all(row)).isEmpty();
      browser.waitFor(By.id("q")).sendKeys(started.person().fiscalCode());
      browser.click(By.id("cerca"));
      browser.waitUntil("the search says nobody was found", () -> browser.text().contains("Nessuna persona trovata"));
      assertThat(browser.all(found)).isEmpty();
      assertThat(browser.text()).doesNotContain(started.person().lastName());
    }
  }

  @Test
  void shouldShowAManagerTheListWithoutSearchAndTheOrganisationsSideBySide() {
    api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI");

    try (Browser browser = Browser.open(api.port()).loginToTasklist(MANAGER)) {
      page(browser, "/percorsi.html");
      browser.waitUntil("the list is shown", () -> !browser.all(By.cssSelector("#elenco tbody tr")).isEmpty());
      assertThat(browser.waitFor(By.id("elenco")).isDisplayed()).isTrue();
      assertThat(browser.driver().findElement(By.id("ricerca")).isDisplayed()).as("no search for managers").isFalse();

      page(browser, "/carico.html");
      // the manager serves BOLLATE and LORENTEGGIO: the first is shown first
      browser.waitFor(By.cssSelector("#organizzazioni thead th[data-organisation='CONSORZIO_SIR']"));
      browser.choose("project", LORENTEGGIO);
      browser.waitFor(By.cssSelector("#organizzazioni thead th[data-organisation='MESTIERI']"));
      List<String> columns = browser.all(By.cssSelector("#organizzazioni thead th[data-organisation]")).stream()
          .map(e -> e.getAttribute("data-organisation")).toList();
      assertThat(columns).containsExactly("MILOLAB", "AFOL_MET", "MESTIERI", "SOLCO", "COMUNE_MI", "ALER_MI");
      // hours and idle pathways are the accredited operators' only
      assertThat(browser.waitFor(By.cssSelector(
          "#organizzazioni tr[data-key='hoursThisMonth'] td[data-organisation='MILOLAB']")).getText()).isEqualTo("—");
      WebElement open = browser.waitFor(
          By.cssSelector("#organizzazioni tr[data-key='openPathways'] td[data-organisation='MESTIERI']"));
      assertThat(Integer.parseInt(open.getText())).isPositive();
      assertThat(browser.text()).contains("Percorsi senza attività da 30 giorni",
          "In scadenza entro 5 giorni lavorativi", "Ore erogate nel mese");
      screenshot(browser, "carico-responsabile");

      // one organisation
      new Select(browser.waitFor(By.id("organisation"))).selectByValue("SOLCO");
      browser.click(By.id("mostra"));
      browser.waitUntil("only SOLCO is shown",
          () -> browser.all(By.cssSelector("#organizzazioni thead th[data-organisation]")).size() == 1);
      assertThat(browser.waitFor(By.cssSelector("#organizzazioni thead th[data-organisation]"))
          .getAttribute("data-organisation")).isEqualTo("SOLCO");
    }
  }

  @Test
  void shouldShowAnOperatorTheCaseloadOfItsOwnOrganisationAndItsMembers() {
    try (Browser browser = Browser.open(api.port()).loginToTasklist(OPERATOR_LORENTEGGIO)) {
      page(browser, "/carico.html");
      browser.waitFor(By.cssSelector("#organizzazioni thead th[data-organisation='SOLCO']"));
      assertThat(browser.all(By.cssSelector("#organizzazioni thead th[data-organisation]"))).hasSize(1);
      browser.waitFor(By.cssSelector("#persone tr[data-user='" + OPERATOR_LORENTEGGIO + "']"));
      screenshot(browser, "carico-operatore");
    }
  }

  @Test
  void shouldAskWhoIsNotLoggedInToLogInToTasklist() {
    try (Browser browser = Browser.open(api.port())) {
      page(browser, "/percorsi.html");
      browser.waitUntil("the page says how to log in", () -> browser.text().contains("accedi prima a Tasklist"));
      assertThat(browser.all(By.cssSelector("#elenco tbody tr"))).isEmpty();
    }
  }

  /** The text of the element, once shown and no longer replaced by a list drawn again. */
  private static String textOf(Browser browser, By locator) {
    String[] text = new String[1];
    browser.waitUntil("shown: " + locator, () -> {
      try {
        List<WebElement> elements = browser.all(locator);
        text[0] = elements.isEmpty() ? null : elements.get(0).getText();
        return text[0] != null;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
    return text[0];
  }

  private void page(Browser browser, String path) {
    browser.driver().get("http://localhost:" + api.port() + path);
  }

  private static void newestFirst(Browser browser) {
    new Select(browser.waitFor(By.id("sort"))).selectByValue("-createdAt");
    browser.click(By.id("filtra"));
  }

  /** Keeps a screenshot of the page as a test artefact, beside the test classes in the build directory. */
  private static void screenshot(Browser browser, String name) {
    try {
      Path classes = Path.of(StaffPagesBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = Files.createDirectories(classes.getParent().resolve("screenshots"));
      Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
