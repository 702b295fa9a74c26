package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
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
 * The managers' page of programme parameters ({@code /parametri.html}) in a real browser, logged in to Tasklist: it
 * reads the project's parameters through the browser's session door to {@code /api}, and a manager changes one with
 * the session's CSRF token (a wrong value is refused naming the field, in Italian); a lab user reads them without the
 * form to change them. Screenshots in {@code <buildDir>/screenshots}.
 */
@PathwaysSpringTest
class ParametersPageBrowserTest {

  private static final String PAGE = "/parametri.html?progetto=LORENTEGGIO";
  private static final By CALL_BACK_ROW = By.cssSelector("#parameters tr[data-name=callBackWorkingDays]");

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  ParametersPageBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @AfterEach
  void takeBack() {
    ProjectParameters.clear(context, LORENTEGGIO, "callBackWorkingDays");
  }

  @Test
  void shouldLetAManagerReadAndChangeAParameterWithItsHistory() {
    try (Browser browser = Browser.open(api.port()).loginToTasklist(MANAGER)) {
      browser.driver().get("http://localhost:" + api.port() + PAGE);
      WebElement row = browser.waitFor(CALL_BACK_ROW);
      assertThat(row.findElement(By.cssSelector(".value")).getText()).isEqualTo("5 giorni lavorativi");
      assertThat(row.findElement(By.cssSelector(".valid-from")).getText()).isEqualTo("predefinito");
      assertThat(browser.text()).contains("Parametri del programma", "Richiamata della persona",
          "Festa patronale (giorno non lavorativo): 12-07 Sant'Ambrogio", "Chiusure degli uffici", "Fine del programma");
      assertThat(browser.all(By.cssSelector("#parameters tbody tr"))).hasSizeGreaterThan(30);

      // a value out of range: refused, the field named in Italian, nothing written
      row.findElement(By.cssSelector("button.change")).click();
      assertThat(new Select(browser.driver().findElement(By.id("change-name"))).getFirstSelectedOption()
          .getAttribute("value")).isEqualTo("callBackWorkingDays");
      browser.driver().findElement(By.id("change-value")).sendKeys("90");
      browser.driver().findElement(By.id("change-reason")).sendKeys("Prova");
      browser.click(By.id("change-submit"));
      browser.waitUntil("the page names the invalid value", () -> browser.driver()
          .findElement(By.cssSelector(".field-error[data-field=value]")).getText().startsWith("Valore non valido"));
      assertThat(browser.driver().findElement(By.id("message")).getText()).contains("non è stata salvata", "Valore");
      assertThat(versions()).isZero();

      // a good value: saved through the session door with the CSRF token, shown in the list and in the history
      browser.driver().findElement(By.id("change-value")).clear();
      browser.driver().findElement(By.id("change-value")).sendKeys("7");
      browser.click(By.id("change-submit"));
      browser.waitUntil("the change is saved", () -> browser.driver().findElement(By.id("message")).getText()
          .startsWith("Modifica salvata"));
      browser.waitUntil("the list shows the new value", () -> browser.waitFor(CALL_BACK_ROW)
          .findElement(By.cssSelector(".value")).getText().equals("7 giorni lavorativi"));
      browser.waitUntil("the history shows the change", () -> browser.driver().findElement(By.id("history"))
          .getText().contains("Prova"));
      assertThat(browser.driver().findElement(By.id("history")).getText()).contains("5 giorni lavorativi", MANAGER);
      screenshot(browser, "parametri-responsabile.png");
    }
    assertThat(versions()).isEqualTo(1);
    assertThat(api.count("select count(*) from programme_parameter_version where project_code = ? and name = ? "
        + "and param_value = '7' and changed_by = ? and reason = 'Prova'", LORENTEGGIO, "callBackWorkingDays", MANAGER))
        .isEqualTo(1);
  }

  @Test
  void shouldShowALabUserTheParametersWithoutTheFormToChangeThem() {
    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.driver().get("http://localhost:" + api.port() + PAGE);
      WebElement row = browser.waitFor(CALL_BACK_ROW);
      assertThat(row.findElement(By.cssSelector(".value")).getText()).isEqualTo("5 giorni lavorativi");
      assertThat(browser.waitFor(By.id("read-only")).getText()).contains("Solo il responsabile del programma");
      assertThat(browser.driver().findElement(By.id("change-form")).isDisplayed()).isFalse();
      assertThat(browser.all(By.cssSelector("#parameters button.change"))).isEmpty();
      row.findElement(By.cssSelector("button.history")).click();
      browser.waitUntil("the history says the default counts", () -> browser.driver().findElement(By.id("history"))
          .getText().contains("Nessuna modifica"));
      screenshot(browser, "parametri-laboratorio.png");
    }
    assertThat(versions()).isZero();
  }

  private long versions() {
    return api.count("select count(*) from programme_parameter_version where project_code = ?", LORENTEGGIO);
  }

  private static void screenshot(Browser browser, String name) {
    Path dir = Path.of(System.getProperty("buildDir", "target"), "screenshots");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
