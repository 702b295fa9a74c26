package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.body;
import static org.erplab.pathways.api.ApiFixtures.interview;
import static org.erplab.pathways.api.ApiFixtures.pathwayRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may do what, and in which project: every role of LORENTEGGIO and of BOLLATE (and nobody) against the main
 * endpoints, on LORENTEGGIO's resources. A refused request changes nothing.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  private static final String ANONYMOUS = "(anonymous)";

  enum Endpoint {
    START_PATHWAY, READ_PATHWAY, READ_PARTICIPANT, READ_ACCESS_LOG, LIST_PROJECT_TASKS, LIST_ORGANISATIONS,
    CLAIM_TASK, COMPLETE_TASK, CLAIM_CPI_TASK, ERASE_PARTICIPANT
  }

  /** Expected status per user (rows) and endpoint (columns, in {@link Endpoint} order), on LORENTEGGIO's resources. */
  private static final Object[][] MATRIX = {
      // user               start read  part  log   tasks orgs  claim complete claim-cpi erase
      {ANONYMOUS,           401,  401,  401,  401,  401,  401,  401,  401,     401,      401},
      {LAB_LORENTEGGIO,     201,  200,  200,  403,  200,  200,  204,  204,     403,      403},
      {CPI_MILANO,          201,  200,  200,  403,  200,  200,  403,  403,     204,      403},
      // organisations with no part in a pathway at intake: it does not exist for them (need to know)
      {OPERATOR_LORENTEGGIO, 403, 404,  404,  403,  200,  200,  404,  404,     404,      403},
      {SOCIAL_LORENTEGGIO,  403,  404,  404,  403,  200,  200,  404,  404,     404,      403},
      {HOUSING_LORENTEGGIO, 403,  404,  403,  403,  200,  200,  404,  404,     404,      403},
      {MANAGER,             403,  200,  403,  403,  200,  200,  403,  403,     403,      403},
      {AUDITOR,             403,  200,  403,  200,  200,  200,  403,  403,     403,      403},
      // administrators work any task of their projects (a repair), as at the engine's doors; they read no pathway here
      {ADMIN,               403,  403,  403,  403,  200,  200,  204,  204,     204,      200},
      // the privacy officer erases a person (ADR 0036), and does nothing else
      {PRIVACY,             403,  403,  403,  403,  200,  200,  403,  403,     403,      200},
      {LAB_BOLLATE,         403,  404,  404,  403,  403,  404,  404,  404,     404,      403},
      {CPI_BOLLATE,         403,  404,  404,  403,  403,  404,  404,  404,     404,      403},
      {OPERATOR_BOLLATE,    403,  404,  404,  403,  403,  404,  404,  404,     404,      403},
      // an auditor changes nothing anywhere: a write is refused before what it names is looked up (403, not 404)
      {AUDITOR_BOLLATE,     403,  404,  403,  404,  403,  404,  403,  403,     403,      403},
      {PRIVACY_BOLLATE,     403,  403,  403,  403,  403,  404,  404,  404,     404,      404},
  };

  private final ApiFixtures api;
  private ApiFixtures.Started shared;

  @Autowired
  AuthorizationMatrixTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  /** The LORENTEGGIO pathway read by every row (started within a test, where the engine's coverage is recorded). */
  private ApiFixtures.Started shared() {
    if (shared == null) {
      shared = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      // one read, so that the access log has something an unauthorised reader must not see
      assertThat(api.as(CPI_MILANO).get("/api/participants/" + shared.participantId()).status()).isEqualTo(200);
    }
    return shared;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] row : MATRIX) {
      for (Endpoint endpoint : Endpoint.values()) {
        cases.add(Arguments.of(endpoint, row[0], row[endpoint.ordinal() + 1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  void shouldAnswerEachRoleOfEachProjectAsTheMatrixSays(Endpoint endpoint, String user, int expected) {
    ApiClient client = ANONYMOUS.equals(user) ? api.anonymous() : api.as(user);
    ApiFixtures.Started shared = shared();
    switch (endpoint) {
      case START_PATHWAY -> startPathway(client, expected);
      case READ_PATHWAY -> {
        ApiClient.Response response = client.get("/api/pathways/" + shared.pathwayId());
        check(response, expected);
        if (expected == 200) {
          assertThat(response.json().path("id").asText()).isEqualTo(shared.pathwayId().toString());
        }
      }
      case READ_PARTICIPANT -> {
        ApiClient.Response response = client.get("/api/participants/" + shared.participantId());
        check(response, expected);
        if (expected == 200) {
          assertThat(response.json().path("fiscalCode").asText()).isEqualTo(shared.person().fiscalCode());
        } else {
          assertThat(response.body()).doesNotContain(shared.person().fiscalCode(), shared.person().lastName());
        }
      }
      case READ_ACCESS_LOG -> {
        ApiClient.Response response = client.get("/api/participants/" + shared.participantId() + "/access-log");
        check(response, expected);
        if (expected == 200) {
          assertThat(response.json().findValuesAsText("userId")).contains(CPI_MILANO);
        } else {
          assertThat(response.body()).doesNotContain(CPI_MILANO);
        }
      }
      case LIST_PROJECT_TASKS -> {
        ApiClient.Response response = client.get("/api/tasks?project=" + LORENTEGGIO);
        check(response, expected);
        if (expected == 200) {
          assertThat(response.json().isArray()).isTrue();
          assertThat(response.json().findValuesAsText("projectCode")).allSatisfy(p -> assertThat(p).isEqualTo(LORENTEGGIO));
        }
      }
      case LIST_ORGANISATIONS -> {
        ApiClient.Response response = client.get("/api/projects/" + LORENTEGGIO + "/organisations");
        check(response, expected);
        if (expected == 200) {
          assertThat(response.json().findValuesAsText("code")).contains("ALER_MI", "SOLCO").doesNotContain("LAB_BOLLATE");
        }
      }
      case CLAIM_TASK -> {
        ApiFixtures.Started target = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
        String taskId = api.taskOf(target.pathwayId(), TASK_INTAKE_INTERVIEW);
        check(client.post("/api/tasks/" + taskId + "/claim", null), expected);
        assertThat(api.task(taskId).getAssignee()).isEqualTo(expected == 204 ? user : null);
      }
      case COMPLETE_TASK -> {
        ApiFixtures.Started target = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
        String taskId = api.taskOf(target.pathwayId(), TASK_INTAKE_INTERVIEW);
        check(client.post("/api/tasks/" + taskId + "/complete", body(interview())), expected);
        assertThat(api.openTaskKeys(target.pathwayId()))
            .containsExactly(expected == 204 ? TASK_ASSIGN_OPERATOR : TASK_INTAKE_INTERVIEW);
        assertThat(api.vulnerabilityCount(target.pathwayId())).isEqualTo(expected == 204 ? 1 : 0);
      }
      case CLAIM_CPI_TASK -> {
        ApiFixtures.Started target = api.eligiblePathway(LORENTEGGIO);
        String taskId = api.taskOf(target.pathwayId(), TASK_ASSIGN_OPERATOR);
        check(client.post("/api/tasks/" + taskId + "/claim", null), expected);
        assertThat(api.task(taskId).getAssignee()).isEqualTo(expected == 204 ? user : null);
      }
      case ERASE_PARTICIPANT -> {
        ApiFixtures.Started target = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
        check(client.delete("/api/participants/" + target.participantId(),
            java.util.Map.of("reason", "Richiesta dell'interessato")), expected);
        assertThat(api.participantCount(target.person().fiscalCode())).isEqualTo(expected == 200 ? 0 : 1);
        assertThat(api.openTaskKeys(target.pathwayId()))
            .containsExactlyElementsOf(expected == 200 ? List.of() : List.of(TASK_INTAKE_INTERVIEW));
      }
    }
  }

  private void startPathway(ApiClient client, int expected) {
    TestPeople.Person person = TestPeople.adult();
    ApiClient.Response response = client.post("/api/pathways", pathwayRequest(LORENTEGGIO, "LAB", person.asRequest()));
    check(response, expected);
    if (expected == 201) {
      assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO))
          .containsExactly(java.util.UUID.fromString(response.json().path("pathwayId").asText()));
    } else {
      assertThat(api.participantCount(person.fiscalCode())).isZero();
    }
  }

  private static void check(ApiClient.Response response, int expected) {
    if (expected >= 400) {
      assertProblem(response, expected);
    } else {
      assertThat(response.status()).as("%s", response).isEqualTo(expected);
    }
  }
}
