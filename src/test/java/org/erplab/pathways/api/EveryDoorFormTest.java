package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.body;
import static org.erplab.pathways.api.ApiFixtures.errorFields;
import static org.erplab.pathways.api.ApiFixtures.interview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A task's form is the contract at every door (issue points 3 and 4): our API, engine REST {@code complete} and
 * {@code submit-form}, and Tasklist (the webapps' engine API) give the same verdict on the same values, refuse them
 * without changing anything, and a task asks its questions afresh (a retried call-back does not offer the previous
 * attempt's answer).
 */
@PathwaysSpringTest
class EveryDoorFormTest {

  private final ApiFixtures api;

  @Autowired
  EveryDoorFormTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  enum Door { API, ENGINE_REST_COMPLETE, ENGINE_REST_SUBMIT_FORM, TASKLIST }

  static Stream<Arguments> refusedInterviews() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
    answers.put("a value outside the list", with("employmentStatus", "PIRATE"));
    answers.put("a decisive yes/no left out", with("consentGiven", null));
    answers.put("a variable no form asks for", with("cf2", "RSSMRA85T10A562S"));
    answers.put("a note longer than its column", with("note", "x".repeat(4_001)));
    answers.put("a yes/no given as text", with("residentInErp", "yes"));
    List<List<String>> fields = List.of(List.of("employmentStatus"), List.of("consentGiven"), List.of("cf2"),
        List.of("note"), List.of("residentInErp"));
    int i = 0;
    for (var entry : answers.entrySet()) {
      for (Door door : Door.values()) {
        cases.add(Arguments.of(entry.getKey(), door, entry.getValue(), fields.get(i)));
      }
      i++;
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} through {1}")
  @MethodSource("refusedInterviews")
  void shouldRefuseAnInvalidInterviewAtEveryDoorNamingTheSameFieldsAndChangeNothing(String name, Door door,
      Map<String, Object> answers, List<String> fields) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    Refusal refusal = complete(door, taskId, answers);

    assertThat(refusal.status()).as("%s", refusal).isEqualTo(400);
    assertThat(refusal.fields()).as("%s", refusal).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(refusal.body()).doesNotContain("RSSMRA85T10A562S", "x".repeat(100), "PIRATE");
    // nothing changed: the task is open, no answer reached the engine's history or the registry
    assertThat(api.task(taskId)).isNotNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    for (String variable : List.of("employmentStatus", "consentGiven", "cf2", "residentInErp", "note")) {
      assertThat(api.historicVariableRows(started.pathwayId(), variable)).as(variable).isZero();
    }
    assertThat(api.caseNoteCount(started.pathwayId())).isZero();
    assertThat(api.vulnerabilityCount(started.pathwayId())).isZero();
  }

  @Test
  void shouldAcceptTheSameValidInterviewAtEveryDoor() {
    for (Door door : Door.values()) {
      ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

      Refusal answer = complete(door, taskId, interview());

      assertThat(answer.status()).as("%s: %s", door, answer).isIn(200, 204);
      assertThat(api.openTaskKeys(started.pathwayId())).as("%s", door)
          .containsExactly(ApiFixtures.TASK_ASSIGN_OPERATOR);
      assertThat(api.vulnerabilityCount(started.pathwayId())).as("%s", door).isEqualTo(1);
    }
  }

  @Test
  void shouldNotOfferTheLastCallBacksAnswerToTheNextOne() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, TestPeople.adult(),
        "SELF_REGISTRATION");
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_CALL_BACK),
        Map.of("contactOutcome", "NOT_REACHED"));
    String retry = api.taskOf(started.pathwayId(), TASK_CALL_BACK);

    // what Tasklist reads to fill the form, at both of the engine's doors
    JsonNode engineRest = api.as(LAB_LORENTEGGIO).get("/engine-rest/task/" + retry + "/form-variables").json();
    JsonNode tasklist = WebappClient.as(api.port(), LAB_LORENTEGGIO).get("/task/" + retry + "/form-variables").json();

    assertThat(engineRest.has("contactOutcome")).isFalse();
    assertThat(tasklist.has("contactOutcome")).isFalse();
    // and the history keeps the first attempt's answer
    assertThat(api.historicVariableRows(started.pathwayId(), "contactOutcome")).isEqualTo(1);
    // a completion without an answer is refused: the old one does not count
    assertThat(complete(Door.ENGINE_REST_COMPLETE, retry, Map.of()).fields()).containsExactly("contactOutcome");
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> answers = interview();
    answers.put(field, value);
    return answers;
  }

  /** Status, the names of the invalid fields, and the body of a door's answer. */
  record Refusal(int status, List<String> fields, String body) {}

  private Refusal complete(Door door, String taskId, Map<String, Object> answers) {
    BiFunction<Integer, String, Refusal> camunda = (status, text) -> {
      List<String> fields = new ArrayList<>();
      if (!text.isEmpty() && text.startsWith("{")) {
        api.as(LAB_LORENTEGGIO);
        try {
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("errors")
              .forEach(e -> fields.add(e.path("field").asText()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return new Refusal(status, fields, text);
    };
    switch (door) {
      case API -> {
        ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", body(answers));
        return new Refusal(response.status(), response.status() == 400 ? errorFields(response) : List.of(),
            response.body());
      }
      case ENGINE_REST_COMPLETE, ENGINE_REST_SUBMIT_FORM -> {
        String action = door == Door.ENGINE_REST_COMPLETE ? "complete" : "submit-form";
        ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/engine-rest/task/" + taskId + "/" + action,
            Map.of("variables", typed(answers)));
        return camunda.apply(response.status(), response.body());
      }
      default -> {
        ApiClient.Response reply = WebappClient.as(api.port(), LAB_LORENTEGGIO)
            .post("/task/" + taskId + "/submit-form", Map.of("variables", typed(answers)));
        return camunda.apply(reply.status(), reply.body());
      }
    }
  }

  /** Camunda's variable format, as Tasklist sends a form: lists as Json, the rest with the JSON value's type. */
  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      if (value instanceof List<?>) {
        variable.put("value", ApiClient.json(value));
        variable.put("type", "Json");
      } else {
        variable.put("value", value);
      }
      typed.put(name, variable);
    });
    return typed;
  }
}
