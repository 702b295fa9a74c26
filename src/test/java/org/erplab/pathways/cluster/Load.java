package org.erplab.pathways.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.AppNode;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.TestPeople;

/**
 * Clients working pathways on a set of nodes, as the lab does: register a person and start their pathway, then
 * complete the intake interview (which starts the CPI's verification and its deadline timer). Each client stays on
 * its node while it answers and moves to the next node when it does not (connection refused or reset, 503), as a load
 * balancer would; it retries a step that got no answer or a 503, after {@code Retry-After}. A retried start answered
 * 409 means the first attempt was committed after all; a retried completion answered 404 or 409, the same.
 *
 * <p>Every request is classed: succeeded; failed cleanly (a problem+json or JSON error, or no connection at all: the
 * client knows it must retry); unclean (a 500, an answer that is not JSON, or no answer within the timeout: a hang).
 * What was acknowledged is kept to check against the database afterwards.
 */
final class Load {

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  enum Outcome { SUCCEEDED, FAILED_CLEANLY, UNCLEAN }

  /** One request: what, where, how it ended, its status (0: no answer), how long it took, when it was sent. */
  record Request(String step, String node, Outcome outcome, int status, long millis, long sentAtMillis) {}

  private final Supplier<List<AppNode>> nodes;
  private final String user;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  /** Pathway ids whose start was acknowledged (201, or 409 on a retry: started by the first attempt). */
  final Set<String> startedPathways = ConcurrentHashMap.newKeySet();
  /** Fiscal codes whose start was acknowledged, by a 201 or a retry's 409. */
  final Set<String> startedPeople = ConcurrentHashMap.newKeySet();
  /** Pathways whose intake interview completion was acknowledged. */
  final Set<String> interviewed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger clientNumber = new AtomicInteger();
  private ExecutorService pool;
  private final long origin = System.currentTimeMillis();

  Load(Supplier<List<AppNode>> nodes, String user) {
    this.nodes = nodes;
    this.user = user;
  }

  /** Starts {@code clients} clients, each pausing {@code thinkTime} between pathways. */
  Load start(int clients, Duration thinkTime) {
    running.set(true);
    pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      pool.submit(() -> {
        int node = clientNumber.getAndIncrement();
        while (running.get()) {
          node = onePathway(node);
          pause(thinkTime.toMillis());
        }
        return null;
      });
    }
    return this;
  }

  /** Stops the clients after their current pathway. */
  void stop() throws InterruptedException {
    running.set(false);
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  long millisSinceStart() {
    return System.currentTimeMillis() - origin;
  }

  /** A pathway as far as the CPI's verification; returns the node the client is on afterwards. */
  private int onePathway(int node) {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = Map.of("projectCode", "LORENTEGGIO", "channel", "LAB",
        "person", person.asRequest());
    String pathwayId = null;
    boolean retried = false;
    for (int attempt = 0; attempt < 40 && running.get() && pathwayId == null; attempt++) {
      AppNode target = pick(node);
      ApiClient.Response answer = send("start", target, () -> target.as(user).within(TIMEOUT)
          .post("/api/pathways", request));
      if (answer != null && answer.status() == 201) {
        pathwayId = answer.json().get("pathwayId").asText();
        startedPathways.add(pathwayId);
        startedPeople.add(person.fiscalCode());
      } else if (answer != null && answer.status() == 409 && retried) {
        startedPeople.add(person.fiscalCode()); // the first attempt went through; found by fiscal code afterwards
        return node;
      } else if (answer != null && answer.status() < 500) {
        return node; // refused: nothing to retry
      } else {
        retried = true;
        node++;
        pause(retryAfter(answer));
      }
    }
    if (pathwayId == null) {
      return node;
    }
    String taskId = null;
    for (int attempt = 0; attempt < 40 && running.get() && taskId == null; attempt++) {
      AppNode target = pick(node);
      String path = "/api/tasks?pathwayId=" + pathwayId + "&taskKey=Task_IntakeInterview";
      ApiClient.Response answer = send("task list", target, () -> target.as(user).within(TIMEOUT).get(path));
      if (answer != null && answer.status() == 200 && answer.json().size() == 1) {
        taskId = answer.json().get(0).get("id").asText();
      } else {
        node++;
        pause(retryAfter(answer));
      }
    }
    retried = false;
    for (int attempt = 0; attempt < 40 && running.get() && taskId != null; attempt++) {
      AppNode target = pick(node);
      String path = "/api/tasks/" + taskId + "/complete";
      ApiClient.Response answer = send("complete", target, () -> target.as(user).within(TIMEOUT)
          .post(path, Map.of("variables", IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true)))));
      boolean doneBefore = retried && answer != null && (answer.status() == 404 || answer.status() == 409);
      if (answer != null && (answer.status() == 204 || doneBefore)) {
        interviewed.add(pathwayId);
        return node;
      } else if (answer != null && answer.status() < 500 && answer.status() != 409) {
        return node;
      }
      retried = true;
      node++;
      pause(retryAfter(answer));
    }
    return node;
  }

  private AppNode pick(int node) {
    List<AppNode> all = nodes.get();
    return all.get(Math.floorMod(node, all.size()));
  }

  /** Sends, times and classes one request; null when no answer came. */
  private ApiClient.Response send(String step, AppNode node, Supplier<ApiClient.Response> call) {
    long sent = System.currentTimeMillis();
    try {
      ApiClient.Response answer = call.get();
      long millis = System.currentTimeMillis() - sent;
      requests.add(new Request(step, node.name(), outcome(answer), answer.status(), millis, sent - origin));
      return answer;
    } catch (UncheckedIOException e) {
      long millis = System.currentTimeMillis() - sent;
      Outcome outcome = e.getCause() instanceof HttpTimeoutException ? Outcome.UNCLEAN : Outcome.FAILED_CLEANLY;
      requests.add(new Request(step, node.name(), outcome, 0, millis, sent - origin));
      return null;
    }
  }

  static Outcome outcome(ApiClient.Response answer) {
    int status = answer.status();
    if (status < 400) {
      return Outcome.SUCCEEDED;
    }
    boolean json = answer.contentType().contains("json") && isJson(answer.body());
    if (!json || status == 500) {
      return Outcome.UNCLEAN;
    }
    return Outcome.FAILED_CLEANLY;
  }

  private static boolean isJson(String body) {
    try {
      JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      return node != null && node.isObject();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private static long retryAfter(ApiClient.Response answer) {
    if (answer == null) {
      return 500;
    }
    return answer.header("Retry-After").map(seconds -> Math.min(5_000L, Long.parseLong(seconds) * 1000))
        .orElse(500L);
  }

  static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
