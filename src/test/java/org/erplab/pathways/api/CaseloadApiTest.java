package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.caseload.infrastructure.CaseloadQueries;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caseload over real HTTP (ADR 0027): the figures of each organisation of a project (lab, CPI, accredited
 * operators, social services, ALER) and of its members move as pathways, tasks, deadlines and attendance do
 * (measured as differences, the database being shared with other tests); who
 * reads which organisation; input named when bad; nothing personal, no pathway id.
 */
@PathwaysSpringTest
class CaseloadApiTest {

  private static final String PATH = "/api/caseload?project=" + LORENTEGGIO;
  private static final String[] EVERY_ORGANISATION = {"MILOLAB", "AFOL_MET", "MESTIERI", "SOLCO", "COMUNE_MI",
      "ALER_MI"};

  private final ApiFixtures api;
  private final JdbcClient jdbc;
  private final ProjectCalendars calendars;
  private final ApplicationContext context;

  @Autowired
  CaseloadApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.context = context;
    this.api = new ApiFixtures(port, context);
    this.jdbc = context.getBean(JdbcClient.class);
    this.calendars = context.getBean(ProjectCalendars.class);
  }

  @Test
  void shouldShowAManagerEveryOrganisationOfTheProjectSideBySide() {
    JsonNode report = caseload(MANAGER, PATH);
    // lab, CPI, accredited operators, social services, ALER; not the Region, which works on no pathway
    assertThat(codes(report)).containsExactly(EVERY_ORGANISATION);
    assertThat(types(report)).containsExactly("LAB", "CPI", "ACCREDITED_OPERATOR", "ACCREDITED_OPERATOR",
        "MUNICIPALITY", "ALER");
    assertThat(report.path("project").asText()).isEqualTo(LORENTEGGIO);
    assertThat(report.path("monthFrom").asText()).isEqualTo(EngineClock.today().withDayOfMonth(1).toString());
    for (String user : List.of(LAB_LORENTEGGIO, CPI_MILANO, AUDITOR)) {
      assertThat(codes(caseload(user, PATH))).as(user).containsExactly(EVERY_ORGANISATION);
    }
    assertThat(codes(caseload(MANAGER, PATH + "&organisation=SOLCO"))).containsExactly("SOLCO");
    assertThat(codes(caseload(MANAGER, PATH + "&organisation=MILOLAB"))).containsExactly("MILOLAB");
  }

  @Test
  void shouldCountTheLabsAndTheCpisTasksAndTheirPathwaysByStage() {
    JsonNode before = caseload(MANAGER, PATH);

    // a pathway the lab takes in charge: its intake interview is the lab's
    UUID atLab = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();
    String labStage = api.pathwayRecord(atLab).get("stage").toString();
    JsonNode lab = caseload(MANAGER, PATH);
    assertThat(delta(organisation(before, "MILOLAB"), organisation(lab, "MILOLAB"), "openTasks")).isEqualTo(1);
    assertThat(delta(organisation(before, "MILOLAB"), organisation(lab, "MILOLAB"), "unclaimedTasks")).isEqualTo(1);
    assertThat(delta(organisation(before, "MILOLAB"), organisation(lab, "MILOLAB"), "openPathways")).isEqualTo(1);
    assertThat(organisation(lab, "MILOLAB").path("openByStage").path(labStage).asLong()
        - organisation(before, "MILOLAB").path("openByStage").path(labStage).asLong()).isEqualTo(1);
    assertThat(delta(organisation(before, "AFOL_MET"), organisation(lab, "AFOL_MET"), "openTasks")).isZero();
    // the lab records no hours and follows no pathway to its end: no such figures
    assertThat(organisation(lab, "MILOLAB").path("hoursThisMonth").isNull()).isTrue();
    assertThat(organisation(lab, "MILOLAB").path("idlePathways").isNull()).isTrue();

    // once the person is found eligible, the CPI assigns the operator: the task moves from the lab to the CPI
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(atLab, TASK_INTAKE_INTERVIEW), ApiFixtures.interview());
    String assign = api.taskOf(atLab, TASK_ASSIGN_OPERATOR);
    assertThat(api.as(CPI_MILANO).post("/api/tasks/" + assign + "/claim", Map.of()).status()).isEqualTo(204);
    dueAt(assign, EngineClock.now().minusDays(1));
    JsonNode cpi = caseload(CPI_MILANO, PATH);
    assertThat(delta(organisation(before, "MILOLAB"), organisation(cpi, "MILOLAB"), "openTasks")).isZero();
    assertThat(delta(organisation(before, "AFOL_MET"), organisation(cpi, "AFOL_MET"), "openTasks")).isEqualTo(1);
    assertThat(delta(organisation(before, "AFOL_MET"), organisation(cpi, "AFOL_MET"), "overdueTasks")).isEqualTo(1);
    assertThat(delta(organisation(before, "AFOL_MET"), organisation(cpi, "AFOL_MET"), "unclaimedTasks")).isZero();
    JsonNode member = member(organisation(cpi, "AFOL_MET"), CPI_MILANO);
    assertThat(member.path("overdueTasks").asLong()).isPositive();
    assertThat(member.path("hoursThisMonth").isNull()).isTrue();
    // the CPI serves BOLLATE too: only its staff of this project are its members here
    assertThat(organisation(cpi, "AFOL_MET").path("members").findValuesAsText("userId")).doesNotContain(CPI_BOLLATE);
  }

  @Test
  void shouldCountThePathwaysWithAnOpenTaskInAPartOfTheProject() {
    // the social services' and ALER's figures are those of their part, as an operator's: read here on MESTIERI's
    CaseloadQueries queries = context.getBean(CaseloadQueries.class);
    String part = Partitions.of(LORENTEGGIO, "MESTIERI");
    long before = queries.pathwaysWithTasks(LORENTEGGIO, part, null).stream().mapToLong(CaseloadQueries.Count::count)
        .sum();
    api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI");
    assertThat(queries.pathwaysWithTasks(LORENTEGGIO, part, null).stream().mapToLong(CaseloadQueries.Count::count)
        .sum()).isEqualTo(before + 1);
  }

  @Test
  void shouldCountOpenPathwaysByStageAndTheOrganisationsTasks() {
    JsonNode before = organisation(caseload(MANAGER, PATH), "MESTIERI");

    // given a pathway handed to MESTIERI: its first appointment is open, not claimed, due within days
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI").pathwayId();
    String stage = api.pathwayRecord(pathway).get("stage").toString();
    String task = api.taskOf(pathway, TASK_FIRST_APPOINTMENT);
    dueAt(task, EngineClock.now().plusHours(1));

    JsonNode after = organisation(caseload(MANAGER, PATH), "MESTIERI");
    assertThat(delta(before, after, "openPathways")).isEqualTo(1);
    assertThat(after.path("openByStage").path(stage).asLong() - before.path("openByStage").path(stage).asLong())
        .isEqualTo(1);
    assertThat(delta(before, after, "openTasks")).isEqualTo(1);
    assertThat(delta(before, after, "unclaimedTasks")).isEqualTo(1);
    assertThat(delta(before, after, "dueSoonTasks")).isEqualTo(1);
    assertThat(delta(before, after, "overdueTasks")).isZero();

    // when MESTIERI's operator claims it and it falls due yesterday
    assertThat(api.as(OPERATOR_MESTIERI).post("/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
    dueAt(task, EngineClock.now().minusDays(1));

    JsonNode claimed = organisation(caseload(OPERATOR_MESTIERI, PATH), "MESTIERI");
    assertThat(delta(before, claimed, "overdueTasks")).isEqualTo(1);
    assertThat(delta(before, claimed, "dueSoonTasks")).isZero();
    assertThat(delta(before, claimed, "unclaimedTasks")).isZero();
    JsonNode member = member(claimed, OPERATOR_MESTIERI);
    assertThat(member.path("openTasks").asLong()).isPositive();
    assertThat(member.path("overdueTasks").asLong()).isPositive();

    // a task due after the 5th working day of the project's calendar is not due soon; on that day it is
    OffsetDateTime fifth = calendars.workingDaysAfter(LORENTEGGIO, java.util.Date.from(EngineClock.now().toInstant()), 5).toInstant()
        .atZone(EngineClock.ZONE).toOffsetDateTime();
    dueAt(task, fifth.plusDays(1));
    assertThat(delta(before, organisation(caseload(MANAGER, PATH), "MESTIERI"), "dueSoonTasks")).isZero();
    dueAt(task, fifth.minusHours(1));
    assertThat(delta(before, organisation(caseload(MANAGER, PATH), "MESTIERI"), "dueSoonTasks")).isEqualTo(1);
  }

  @Test
  void shouldAddTheHoursDeliveredThisMonthAsCorrected() {
    UUID pathway = api.pathwayInTraining();
    JsonNode before = organisation(caseload(MANAGER, PATH), "SOLCO");
    BigDecimal memberBefore = hoursOf(before, OPERATOR_LORENTEGGIO);

    ApiClient.Response recorded = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance",
        Map.of("courseCode", "MAG-01", "date", EngineClock.today().toString(), "hours", new BigDecimal("6")));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
    JsonNode six = organisation(caseload(MANAGER, PATH), "SOLCO");
    assertThat(six.path("hoursThisMonth").decimalValue().subtract(before.path("hoursThisMonth").decimalValue()))
        .isEqualByComparingTo("6");

    ApiClient.Response corrected = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance/"
        + recorded.json().path("id").asText() + "/correction", Map.of("hours", 4, "reason", "uscita anticipata"));
    assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);
    JsonNode four = organisation(caseload(OPERATOR_LORENTEGGIO, PATH), "SOLCO");
    assertThat(four.path("hoursThisMonth").decimalValue().subtract(before.path("hoursThisMonth").decimalValue()))
        .isEqualByComparingTo("4");
    assertThat(hoursOf(four, OPERATOR_LORENTEGGIO).subtract(memberBefore)).isEqualByComparingTo("4");
  }

  @Test
  void shouldCountActivePathwaysWithNoActivityForThirtyDays() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI").pathwayId();
    JsonNode before = organisation(caseload(MANAGER, PATH), "MESTIERI");

    // when everything that happened to it happened 40 days ago
    OffsetDateTime longAgo = EngineClock.now().minusDays(40);
    String instance = (String) api.pathwayRecord(pathway).get("process_instance_id");
    jdbc.sql("update pathway set created_at = ? where id = ?").params(longAgo, pathway).update();
    jdbc.sql("update pathway_stage set entered_at = ? where pathway_id = ?").params(longAgo, pathway).update();
    jdbc.sql("update pathway_event set at = ? where pathway_id = ?").params(longAgo, pathway).update();
    jdbc.sql("update ACT_HI_TASKINST set END_TIME_ = ? where ROOT_PROC_INST_ID_ = ? and END_TIME_ is not null")
        .params(Timestamp.from(longAgo.toInstant()), instance).update();

    // then it is idle
    JsonNode idle = organisation(caseload(MANAGER, PATH), "MESTIERI");
    assertThat(delta(before, idle, "idlePathways")).isEqualTo(1);

    // and a task completed yesterday is activity
    jdbc.sql("update ACT_HI_TASKINST set END_TIME_ = ? where ROOT_PROC_INST_ID_ = ? and END_TIME_ is not null"
            + " and DELETE_REASON_ = 'completed'")
        .params(Timestamp.from(EngineClock.now().minusDays(1).toInstant()), instance).update();
    assertThat(delta(before, organisation(caseload(MANAGER, PATH), "MESTIERI"), "idlePathways")).isZero();
  }

  @Test
  void shouldShowAnAccreditedOperatorItsOwnOrganisationOnly() {
    assertThat(codes(caseload(OPERATOR_LORENTEGGIO, PATH))).containsExactly("SOLCO");
    assertThat(codes(caseload(OPERATOR_MESTIERI, PATH + "&organisation=MESTIERI"))).containsExactly("MESTIERI");
    assertProblem(api.as(OPERATOR_LORENTEGGIO).get(PATH + "&organisation=MESTIERI"), 403);
    // the social services and ALER see their own part of the project
    assertThat(codes(caseload(SOCIAL_LORENTEGGIO, PATH))).containsExactly("COMUNE_MI");
    assertThat(codes(caseload(HOUSING_LORENTEGGIO, PATH))).containsExactly("ALER_MI");
    assertProblem(api.as(SOCIAL_LORENTEGGIO).get(PATH + "&organisation=SOLCO"), 403);
    assertProblem(api.as(HOUSING_LORENTEGGIO).get(PATH + "&organisation=MILOLAB"), 403);
    assertProblem(api.as(ADMIN).get(PATH), 403);
    assertProblem(api.anonymous().get(PATH), 401);
  }

  @Test
  void shouldNameTheFieldsOfABadRequest() {
    assertInvalid(api.as(MANAGER).get("/api/caseload"), "project");
    assertInvalid(api.as(MANAGER).get("/api/caseload?project=NOWHERE"), "project");
    assertInvalid(api.as(LAB_BOLLATE).get(PATH), "project");
    assertInvalid(api.as(MANAGER).get(PATH + "&organisation=REGIONE_LOMBARDIA"), "organisation");
    assertInvalid(api.as(MANAGER).get(PATH + "&organisation=LAB_BOLLATE"), "organisation");
    assertInvalid(api.as(MANAGER).get(PATH + "&organisation=NOWHERE"), "organisation");
  }

  @Test
  void shouldShowNoPathwayAndNoPerson() {
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String body = api.as(MANAGER).get(PATH).body();
    assertThat(body).doesNotContain(started.pathwayId().toString(), started.participantId().toString(),
        started.person().fiscalCode(), started.person().lastName());
  }

  private void dueAt(String taskId, OffsetDateTime due) {
    jdbc.sql("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ = ?").params(Timestamp.from(due.toInstant()), taskId)
        .update();
  }

  private JsonNode caseload(String user, String path) {
    ApiClient.Response response = api.as(user).get(path);
    assertThat(response.status()).as("%s %s", user, response).isEqualTo(200);
    return response.json();
  }

  private static List<String> types(JsonNode report) {
    List<String> types = new ArrayList<>();
    report.path("organisations").forEach(o -> types.add(o.path("type").asText()));
    return types;
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report.path("organisations").forEach(o -> codes.add(o.path("organisation").asText()));
    return codes;
  }

  private static JsonNode organisation(JsonNode report, String code) {
    for (JsonNode o : report.path("organisations")) {
      if (o.path("organisation").asText().equals(code)) {
        return o;
      }
    }
    throw new AssertionError(code + " not in " + report);
  }

  private static JsonNode member(JsonNode organisation, String userId) {
    for (JsonNode m : organisation.path("members")) {
      if (m.path("userId").asText().equals(userId)) {
        return m;
      }
    }
    throw new AssertionError(userId + " not in " + organisation);
  }

  private static BigDecimal hoursOf(JsonNode organisation, String userId) {
    for (JsonNode m : organisation.path("members")) {
      if (m.path("userId").asText().equals(userId)) {
        return m.path("hoursThisMonth").decimalValue();
      }
    }
    return BigDecimal.ZERO;
  }

  private static long delta(JsonNode before, JsonNode after, String field) {
    return after.path(field).asLong() - before.path(field).asLong();
  }
}
