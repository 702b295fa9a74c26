package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.interviewWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.demo.api.DemoClockDoor;
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
 * {@code /api/admin/clock}: absent (404) outside the demo profile, even for an administrator; where it exists
 * ({@link DemoClockDoor}), a manager or an administrator moves the engine's clock past a deadline, the timers due by
 * then fire and the task list shows the task overdue; a reset brings the clock back.
 */
@PathwaysSpringTest
class DemoClockApiTest {

  private static final String CLOCK = "/api/admin/clock";

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  DemoClockApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {ADMIN, MANAGER})
  void shouldNotExistOutsideTheDemoProfile(String user) {
    assertProblem(api.as(user).get(CLOCK), 404);
    assertProblem(api.as(user).post(CLOCK, Map.of("now", "2030-01-01T09:00:00+01:00")), 404);
    assertProblem(api.as(user).delete(CLOCK), 404);
    assertThat(ClockUtil.getCurrentTime().getTime()).isCloseTo(System.currentTimeMillis(),
        org.assertj.core.data.Offset.offset(5_000L));
  }

  @Test
  void shouldMoveTheClockPastADeadlineFireItsTimerAndReset() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("naspiRecipient", true));
    Task verification = api.openTask(started.pathwayId(), TASK_VERIFY_ELIGIBILITY).orElseThrow();
    assertThat(api.listedTask(CPI_MILANO, "", verification.getId()).orElseThrow().path("overdue").asBoolean()).isFalse();
    OffsetDateTime afterDeadline = OffsetDateTime.ofInstant(verification.getDueDate().toInstant(), EngineClock.ZONE)
        .plusHours(9);

    try (DemoClockDoor door = DemoClockDoor.open(context)) {
      assertThat(api.as(MANAGER).get(CLOCK).json().path("moved").asBoolean(true)).isFalse();

      ApiClient.Response moved = api.as(MANAGER).post(CLOCK, Map.of("now", afterDeadline.toString()));

      assertThat(moved.status()).as("%s", moved).isEqualTo(200);
      assertThat(moved.json().path("moved").asBoolean()).isTrue();
      assertThat(moved.json().path("firedTimers").asInt()).isPositive();
      assertThat(OffsetDateTime.parse(moved.json().path("now").asText())).isBetween(afterDeadline,
          afterDeadline.plusMinutes(1));
      // the task is overdue in the work list, and the verification's overdue timer has fired: the manager's alert
      JsonNode listed = api.listedTask(CPI_MILANO, "overdue=true", verification.getId()).orElseThrow();
      assertThat(listed.path("overdue").asBoolean()).isTrue();
      assertThat(api.openTaskKeys(started.pathwayId()))
          .containsExactlyInAnyOrder(TASK_VERIFY_ELIGIBILITY, "Task_VerificationOverdueAlert");
      JsonNode state = api.as(ADMIN).get(CLOCK).json();
      assertThat(state.path("moved").asBoolean()).isTrue();
      assertThat(OffsetDateTime.parse(state.path("now").asText())).isAfterOrEqualTo(afterDeadline);

      assertThat(api.as(ADMIN).delete(CLOCK).status()).isEqualTo(204);

      assertThat(api.as(MANAGER).get(CLOCK).json().path("moved").asBoolean(true)).isFalse();
      assertThat(api.listedTask(CPI_MILANO, "overdue=false", verification.getId())).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, AUDITOR})
  void shouldLetOnlyAdministratorsAndManagersMoveTheClock(String user) {
    try (DemoClockDoor door = DemoClockDoor.open(context)) {
      assertProblem(api.as(user).get(CLOCK), 403);
      assertProblem(api.as(user).post(CLOCK, Map.of("now", "2030-01-01T09:00:00+01:00")), 403);
      assertProblem(api.as(user).delete(CLOCK), 403);
      assertProblem(api.anonymous().get(CLOCK), 401);
      assertThat(api.as(MANAGER).get(CLOCK).json().path("moved").asBoolean(true)).isFalse();
    }
  }

  @Test
  void shouldNameAMissingOrInvalidMoment() {
    try (DemoClockDoor door = DemoClockDoor.open(context)) {
      assertInvalid(api.as(ADMIN).post(CLOCK, Map.of()), "now");
      assertInvalid(api.as(ADMIN).post(CLOCK, Map.of("now", "domani alle nove")), "now");
      assertThat(api.as(ADMIN).get(CLOCK).json().path("moved").asBoolean(true)).isFalse();
    }
  }
}
