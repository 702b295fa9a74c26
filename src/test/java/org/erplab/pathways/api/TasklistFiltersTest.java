package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.api.Doors.Door;
import org.erplab.pathways.api.Doors.EngineDoor;
import org.erplab.pathways.security.AuthorizationSetup;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The shared Tasklist filters (ADR 0026) as Tasklist reads them (the webapps' engine API after a session login):
 * each role sees the common filters and its own, each filter lists the user's tasks in the order Tasklist asks for
 * (no stored order) with the project and the pathway's pseudonym as columns, "Scaduti" and "In scadenza entro 5 giorni lavorativi" follow the
 * engine clock, and creating them again at start-up changes nothing.
 */
@PathwaysSpringTest
class TasklistFiltersTest {

  static final List<String> COMMON = List.of("I miei compiti", "Scaduti", "In scadenza entro 5 giorni lavorativi",
      "Compiti dei miei gruppi", "Assegnati a me");
  static final List<String> PER_ROLE = List.of("Laboratorio - da fare", "CPI - verifiche e approvazioni",
      "Operatore - percorsi attivi", "ALER - morosità", "Servizi sociali");

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  TasklistFiltersTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
    api.ensureTestUsers();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShareTheCommonFiltersWithEveryRoleAndEachRolesFilterWithThatRoleOnly() {
    Map<String, String> own = new LinkedHashMap<>();
    own.put(LAB_LORENTEGGIO, "Laboratorio - da fare");
    own.put(CPI_MILANO, "CPI - verifiche e approvazioni");
    own.put(OPERATOR_LORENTEGGIO, "Operatore - percorsi attivi");
    own.put(HOUSING_LORENTEGGIO, "ALER - morosità");
    own.put(SOCIAL_LORENTEGGIO, "Servizi sociali");
    own.forEach((user, filter) -> {
      List<String> expected = new ArrayList<>(COMMON);
      expected.add(filter);
      assertThat(filterNames(user)).as(user).containsExactlyInAnyOrderElementsOf(expected);
    });
    assertThat(filterNames(MANAGER)).containsExactlyInAnyOrderElementsOf(COMMON);
  }

  @Test
  void shouldShowTheProjectAndThePathwayPseudonymAndLeaveTheOrderToTasklist() {
    JsonNode filter = filter(LAB_LORENTEGGIO, "I miei compiti");

    JsonNode columns = filter.path("properties").path("variables");
    assertThat(columns.findValuesAsText("name")).containsExactly("projectCode", "pathwayId");
    assertThat(columns.findValuesAsText("label")).containsExactly("Progetto", "Percorso (pseudonimo)");
    // no stored order (the engine would put it before Tasklist's): the order Tasklist sends is the list's, due date
    // first by default (ADR 0026; TasklistDueDateAndFormMessagesBrowserTest), here latest first
    assertThat(filter.path("query").path("sorting").size()).isZero();
    ApiClient.Response list = web(LAB_LORENTEGGIO).post("/filter/" + filter.path("id").asText()
        + "/list?firstResult=0&maxResults=200", Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder",
            "desc"))));
    List<Instant> dues = new ArrayList<>();
    list.json().forEach(task -> {
      if (!task.path("due").isNull()) {
        dues.add(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .parse(task.path("due").asText().replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))));
      }
    });
    assertThat(dues).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void shouldListTheLabsNewInterviewForTheLabOnly() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    assertThat(listed(LAB_LORENTEGGIO, "I miei compiti", started)).containsExactly(interview);
    assertThat(listed(LAB_LORENTEGGIO, "Laboratorio - da fare", started)).containsExactly(interview);
    assertThat(listed(LAB_LORENTEGGIO, "Compiti dei miei gruppi", started)).containsExactly(interview);
    assertThat(listed(LAB_LORENTEGGIO, "Assegnati a me", started)).isEmpty();
    assertThat(listed(CPI_MILANO, "I miei compiti", started)).isEmpty();
    assertThat(listed(CPI_MILANO, "CPI - verifiche e approvazioni", started)).isEmpty();
    assertThat(listed(OPERATOR_LORENTEGGIO, "I miei compiti", started)).isEmpty();
    // another project's lab: the same filter, none of this project's tasks (the tenant check)
    assertThat(listed(LAB_BOLLATE, "I miei compiti", started)).isEmpty();
    assertThat(listed(LAB_BOLLATE, "Laboratorio - da fare", started)).isEmpty();

    // claimed by the lab user: still "mine", and now also "assigned to me"
    api.as(LAB_LORENTEGGIO).post("/api/tasks/" + interview + "/claim", Map.of());
    assertThat(listed(LAB_LORENTEGGIO, "I miei compiti", started)).containsExactly(interview);
    assertThat(listed(LAB_LORENTEGGIO, "Assegnati a me", started)).containsExactly(interview);
  }

  @Test
  void shouldListATaskAsDueSoonWithinFiveWorkingDaysAndAsOverdueOncePast() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Task interview = api.task(api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW));
    long due = interview.getDueDate().getTime();
    String dueSoon = "In scadenza entro 5 giorni lavorativi";

    // a month before its due date: neither
    ClockUtil.setCurrentTime(new Date(due - 30L * 24 * 3600 * 1000));
    assertThat(listed(LAB_LORENTEGGIO, dueSoon, started)).isEmpty();
    assertThat(listed(LAB_LORENTEGGIO, "Scaduti", started)).isEmpty();

    // the day before: due soon, not overdue
    ClockUtil.setCurrentTime(new Date(due - 24L * 3600 * 1000));
    assertThat(listed(LAB_LORENTEGGIO, dueSoon, started)).containsExactly(interview.getId());
    assertThat(listed(LAB_LORENTEGGIO, "Scaduti", started)).isEmpty();

    // a minute late: overdue, no longer "due soon"
    ClockUtil.setCurrentTime(new Date(due + 60_000));
    assertThat(listed(LAB_LORENTEGGIO, dueSoon, started)).isEmpty();
    assertThat(listed(LAB_LORENTEGGIO, "Scaduti", started)).containsExactly(interview.getId());
  }

  @Test
  void shouldCreateTheFiltersOnceHoweverOftenTheApplicationStarts() {
    Map<String, String> before = filterIds(LAB_LORENTEGGIO);
    AuthorizationService authorizations = context.getBean(AuthorizationService.class);
    long grants = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count();

    context.getBean(AuthorizationSetup.class).setUp();
    context.getBean(AuthorizationSetup.class).setUp();

    assertThat(filterIds(LAB_LORENTEGGIO)).isEqualTo(before);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(grants);
    List<String> all = new ArrayList<>(COMMON);
    all.addAll(PER_ROLE);
    for (String name : all) {
      assertThat(context.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().filterName(name)
          .count()).as(name).isEqualTo(1);
    }
  }

  /** The tasks of the pathway that the filter lists for the user (the filter's query, narrowed to the pathway). */
  private List<String> listed(String user, String filterName, ApiFixtures.Started pathway) {
    ApiClient.Response response = web(user).post("/filter/" + filter(user, filterName).path("id").asText() + "/list",
        Map.of("processInstanceBusinessKey", pathway.pathwayId().toString()));
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json().findValuesAsText("id");
  }

  private JsonNode filter(String user, String name) {
    for (JsonNode filter : filters(user)) {
      if (name.equals(filter.path("name").asText())) {
        return filter;
      }
    }
    throw new AssertionError(user + " sees no filter " + name);
  }

  private List<String> filterNames(String user) {
    return new ArrayList<>(filterIds(user).keySet());
  }

  private Map<String, String> filterIds(String user) {
    Map<String, String> ids = new LinkedHashMap<>();
    filters(user).forEach(filter -> ids.put(filter.path("name").asText(), filter.path("id").asText()));
    return ids;
  }

  private JsonNode filters(String user) {
    ApiClient.Response response = web(user).get("/filter?resourceType=Task");
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private EngineDoor web(String user) {
    return Doors.engine(api.port(), Door.WEB, user);
  }
}
