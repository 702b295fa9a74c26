package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET /api/projects/{code}/calendar} and the closures a manager adds and removes
 * ({@code /api/projects/{code}/closures}). Closures are put in 2031, far from the days other tests count deadlines in,
 * and removed after each test. Deadline arithmetic across a closure: {@code ProjectCalendarsTest}.
 */
@PathwaysSpringTest
class CalendarApiTest {

  private static final String CALENDAR = "/api/projects/LORENTEGGIO/calendar";
  private static final String CLOSURES = "/api/projects/LORENTEGGIO/closures";
  private static final LocalDate CLOSED = LocalDate.of(2031, 3, 12);

  private final ApiFixtures api;

  @Autowired
  CalendarApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @AfterEach
  void removeClosures() {
    api.as(MANAGER).delete(CLOSURES + "/" + CLOSED);
  }

  @Test
  void shouldListMilanosHolidaysPatronDayAndSanFrancesco() {
    ApiClient.Response december = api.as(LAB_LORENTEGGIO).get(CALENDAR + "?from=2026-12-01&to=2026-12-31");

    assertThat(december.status()).as("%s", december).isEqualTo(200);
    assertThat(days(december.json())).containsExactly(
        "2026-12-07 Sant'Ambrogio PATRON_DAY",
        "2026-12-08 Immacolata Concezione NATIONAL_HOLIDAY",
        "2026-12-25 Natale NATIONAL_HOLIDAY",
        "2026-12-26 Santo Stefano NATIONAL_HOLIDAY");

    ApiClient.Response year = api.as(OPERATOR_LORENTEGGIO).get(CALENDAR + "?from=2027-01-01&to=2027-12-31");
    assertThat(year.status()).as("%s", year).isEqualTo(200);
    assertThat(days(year.json())).contains(
        "2027-01-01 Capodanno NATIONAL_HOLIDAY",
        "2027-03-29 Lunedì dell'Angelo EASTER_MONDAY",
        "2027-10-04 San Francesco d'Assisi NATIONAL_HOLIDAY",
        "2027-12-07 Sant'Ambrogio PATRON_DAY")
        .hasSize(13);
    // before Law 151/2025: no San Francesco
    assertThat(days(api.as(LAB_LORENTEGGIO).get(CALENDAR + "?from=2025-10-01&to=2025-10-31").json())).isEmpty();
  }

  @Test
  void shouldListBollatesOwnPatronDay() {
    ApiClient.Response november = api.as(LAB_BOLLATE).get("/api/projects/BOLLATE/calendar?from=2026-11-01&to=2026-11-30");

    assertThat(days(november.json())).containsExactly(
        "2026-11-01 Ognissanti NATIONAL_HOLIDAY", "2026-11-11 San Martino PATRON_DAY");
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_BOLLATE, ApiFixtures.OPERATOR_BOLLATE, ApiFixtures.CPI_BOLLATE})
  void shouldAnswer404ToUsersWhoDoNotServeTheProject(String user) {
    assertProblem(api.as(user).get(CALENDAR + "?from=2026-12-01&to=2026-12-31"), 404);
    assertProblem(api.as(user).post(CLOSURES, closure(CLOSED, "Chiuso")), 404);
    assertProblem(api.as(ADMIN).get("/api/projects/ATLANTIDE/calendar?from=2026-12-01&to=2026-12-31"), 404);
  }

  @Test
  void shouldRefuseMissingInvalidReversedOrTooLongRanges() {
    ApiClient lab = api.as(LAB_LORENTEGGIO);
    assertInvalid(lab.get(CALENDAR + "?to=2026-12-31"), "from");
    assertInvalid(lab.get(CALENDAR + "?from=2026-12-01"), "to");
    assertInvalid(lab.get(CALENDAR + "?from=2026-13-01&to=2026-12-31"), "from");
    assertInvalid(lab.get(CALENDAR + "?from=2026-12-01&to=31/12/2026"), "to");
    assertInvalid(lab.get(CALENDAR + "?from=2026-12-31&to=2026-12-01"), "to");
    assertInvalid(lab.get(CALENDAR + "?from=2026-01-01&to=2029-01-02"), "to");
    assertThat(lab.get(CALENDAR + "?from=2026-01-01&to=2029-01-01").status()).isEqualTo(200);
  }

  @Test
  void shouldLetAManagerCloseTheProjectForADayAndOpenItAgain() {
    ApiClient.Response added = api.as(MANAGER).post(CLOSURES, closure(CLOSED, "Ufficio chiuso per allagamento"));

    assertThat(added.status()).as("%s", added).isEqualTo(201);
    assertThat(added.json().path("date").asText()).isEqualTo("2031-03-12");
    assertThat(added.json().path("name").asText()).isEqualTo("Ufficio chiuso per allagamento");
    assertThat(added.json().path("createdBy").asText()).isEqualTo(MANAGER);
    assertThat(added.json().path("createdAt").asText()).isNotBlank();
    assertThat(days(api.as(CPI_MILANO).get(CALENDAR + "?from=2031-03-01&to=2031-03-31").json()))
        .containsExactly("2031-03-12 Ufficio chiuso per allagamento CLOSURE");
    assertThat(api.as(CPI_MILANO).get(CLOSURES).json().findValuesAsText("date")).contains("2031-03-12");
    // only LORENTEGGIO is closed
    assertThat(days(api.as(LAB_BOLLATE).get("/api/projects/BOLLATE/calendar?from=2031-03-01&to=2031-03-31").json()))
        .isEmpty();

    // the same day again: 409, nothing changes
    ApiClient.Response again = api.as(MANAGER).post(CLOSURES, closure(CLOSED, "Altro motivo"));
    assertProblem(again, 409);
    assertThat(api.count("select count(*) from project_closure where project_code = ? and closure_date = ?",
        LORENTEGGIO, CLOSED)).isEqualTo(1);

    assertThat(api.as(MANAGER).delete(CLOSURES + "/2031-03-12").status()).isEqualTo(204);
    assertThat(days(api.as(CPI_MILANO).get(CALENDAR + "?from=2031-03-01&to=2031-03-31").json())).isEmpty();
    assertProblem(api.as(MANAGER).delete(CLOSURES + "/2031-03-12"), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, AUDITOR, ADMIN})
  void shouldLetOnlyManagersAddOrRemoveClosures(String user) {
    assertProblem(api.as(user).post(CLOSURES, closure(CLOSED, "Chiuso")), 403);
    assertThat(api.count("select count(*) from project_closure where project_code = ?", LORENTEGGIO)).isZero();

    assertThat(api.as(MANAGER).post(CLOSURES, closure(CLOSED, "Chiuso")).status()).isEqualTo(201);
    assertProblem(api.as(user).delete(CLOSURES + "/" + CLOSED), 403);
    assertThat(api.count("select count(*) from project_closure where project_code = ?", LORENTEGGIO)).isEqualTo(1);
  }

  @Test
  void shouldNameTheInvalidFieldsOfAClosure() {
    ApiClient manager = api.as(MANAGER);
    assertInvalid(manager.post(CLOSURES, Map.of("name", "Chiuso")), "date");
    assertInvalid(manager.post(CLOSURES, closure(CLOSED, " ")), "name");
    assertInvalid(manager.post(CLOSURES, Map.of("date", "12/03/2031", "name", "Chiuso")), "date");
    assertInvalid(manager.post(CLOSURES, closure(CLOSED, "x".repeat(201))), "name");
    assertInvalid(manager.delete(CLOSURES + "/domani"), "date");
    assertThat(api.count("select count(*) from project_closure where project_code = ?", LORENTEGGIO)).isZero();
  }

  @Test
  void shouldAnswer401WithoutLogin() {
    assertProblem(api.anonymous().get(CALENDAR + "?from=2026-12-01&to=2026-12-31"), 401);
    assertProblem(api.anonymous().post(CLOSURES, closure(CLOSED, "Chiuso")), 401);
  }

  private static Map<String, Object> closure(LocalDate date, String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", date.toString());
    body.put("name", name);
    return body;
  }

  private static List<String> days(JsonNode days) {
    List<String> listed = new ArrayList<>();
    days.forEach(d -> listed.add(d.path("date").asText() + " " + d.path("name").asText() + " " + d.path("kind").asText()));
    return listed;
  }
}
