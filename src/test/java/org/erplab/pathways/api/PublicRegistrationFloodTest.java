package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.erplab.pathways.pathway.api.RegistrationLimiter;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The public form cannot flood the lab (issue point 8): registrations are limited per source address and overall
 * (429 with {@code Retry-After}, nothing registered), and under a flood the lab's own work stays on top of its list
 * (call-backs have a lower priority) and the flood shows as one number in the summary.
 */
@PathwaysSpringTest
class PublicRegistrationFloodTest {

  private static final String PATH = "/api/public/registrations";
  private static final int PER_ADDRESS = 5;
  private static final int OVERALL = 20;

  @Autowired RegistrationLimiter limiter;
  private final ApiFixtures api;
  private RegistrationLimiter.Settings configured;

  @Autowired
  PublicRegistrationFloodTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @BeforeEach
  void tightenTheLimits() {
    configured = limiter.settings();
    limiter.apply(new RegistrationLimiter.Settings(PER_ADDRESS, Duration.ofMinutes(10), OVERALL, Duration.ofMinutes(10)));
  }

  @AfterEach
  void restoreTheLimits() {
    limiter.apply(configured);
  }

  @Test
  void shouldRefuseTheSixthRegistrationFromOneAddressWithRetryAfterAndRegisterNothing() {
    ApiClient client = api.anonymous().from(ApiClient.someAddress());
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertThat(client.post(PATH, registration(TestPeople.adult())).status()).isEqualTo(202);
    }
    TestPeople.Person sixth = TestPeople.adult();

    ApiClient.Response refused = client.post(PATH, registration(sixth));

    assertProblem(refused, 429);
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isPositive();
    assertThat(api.participantCount(sixth.fiscalCode())).isZero();
    // another address is not held back by this one
    assertThat(api.anonymous().from(ApiClient.someAddress()).post(PATH, registration(TestPeople.adult())).status())
        .isEqualTo(202);
  }

  @Test
  void shouldAcceptNoMoreThanTheOverallLimitFromABurstOfTwoHundred() throws Exception {
    // 200 registrations at once from 200 addresses, as measured on the foundation (all 200 were accepted then)
    List<TestPeople.Person> people = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      people.add(TestPeople.adult());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (TestPeople.Person person : people) {
      answers.add(pool.submit(() -> api.anonymous().from(ApiClient.someAddress()).post(PATH, registration(person)).status()));
    }
    int accepted = 0;
    int limited = 0;
    for (Future<Integer> answer : answers) {
      int status = answer.get();
      assertThat(status).isIn(202, 429);
      if (status == 202) {
        accepted++;
      } else {
        limited++;
      }
    }
    pool.shutdown();

    assertThat(accepted).isEqualTo(OVERALL);
    assertThat(limited).isEqualTo(200 - OVERALL);
    assertThat(people.stream().filter(p -> api.participantCount(p.fiscalCode()) > 0).count()).isEqualTo(OVERALL);
  }

  @Test
  void shouldKeepTheLabsOwnWorkOnTopOfItsListUnderAFloodOfCallBacks() {
    // given a flood of call-backs (as many as the limits let through), then a person the lab takes in charge itself
    for (int i = 0; i < OVERALL; i++) {
      api.anonymous().from(ApiClient.someAddress()).post(PATH, registration(TestPeople.adult()));
    }
    ApiFixtures.Started own = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(own.pathwayId(), TASK_INTAKE_INTERVIEW);

    // when the lab opens its list
    JsonNode list = api.as(LAB_LORENTEGGIO).get("/api/tasks?project=" + LORENTEGGIO + "&maxResults=200").json();

    // then its own work (priority 50) comes before every call-back (priority 30), whatever their due dates
    List<String> ids = new ArrayList<>();
    List<Integer> priorities = new ArrayList<>();
    list.forEach(t -> {
      ids.add(t.path("id").asText());
      priorities.add(t.path("priority").asInt());
    });
    assertThat(priorities).isSortedAccordingTo(java.util.Comparator.reverseOrder()).contains(50, 30);
    int firstCallBack = priorities.indexOf(30);
    assertThat(ids.indexOf(interview)).isBetween(0, firstCallBack - 1);
    assertThat(list.get(firstCallBack).path("taskKey").asText()).isEqualTo(TASK_CALL_BACK);
    // and the flood is one number of the summary, and a list of its own on demand
    JsonNode summary = api.as(LAB_LORENTEGGIO).get("/api/tasks/summary?project=" + LORENTEGGIO).json();
    assertThat(summary.path(TASK_CALL_BACK).asLong()).isGreaterThanOrEqualTo(OVERALL);
    assertThat(summary.path(TASK_INTAKE_INTERVIEW).asLong()).isGreaterThanOrEqualTo(1);
    api.as(LAB_LORENTEGGIO).get("/api/tasks?taskKey=" + TASK_CALL_BACK + "&maxResults=200").json()
        .forEach(t -> assertThat(t.path("taskKey").asText()).isEqualTo(TASK_CALL_BACK));
  }

  private static java.util.Map<String, Object> registration(TestPeople.Person person) {
    return PublicRegistrationApiTest.registration(LORENTEGGIO, person);
  }
}
