package org.erplab.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.AppNode;
import org.erplab.pathways.support.Cluster;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's soak and capacity (not part of {@code ./mvnw verify}: {@code ./mvnw -Preliability -Dsuite=SoakSuite
 * verify}), on one node of the packaged application ({@code -Xmx512m}, as {@code deploy/} sizes it) on PostgreSQL.
 * The work is a mixed session of the programme's users: the lab starts a pathway and completes the intake interview;
 * the CPI finds the verification in its list, completes it and assigns the operator; the operator reads its task list
 * and the pathway; the auditor reads the pathway's audit trail; one session in ten the auditor also reads the year's
 * indicators. 11 or 12 requests a session, 3 of them completions.
 * <ol>
 *   <li><b>Capacity</b>: closed loop (no pause) with 1, 2, 4 and 8 clients for {@code reliability.capacity.seconds}
 *       (60) each; the capacity is the most requests per second any of them reached.
 *   <li><b>Soak</b>: {@code reliability.soak.minutes} (30) at half that rate (each client paced), sampling each minute
 *       the node's resident memory, its heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), the
 *       requests' p95 and their error rate. Goal: flat memory, stable p95, no error.
 * </ol>
 * Printed, and written to {@code target/reliability/soak.md}.
 */
class SoakSuite {

  private static final int CAPACITY_SECONDS = Integer.getInteger("reliability.capacity.seconds", 60);
  private static final int SOAK_MINUTES = Integer.getInteger("reliability.soak.minutes", 30);
  private static final int SOAK_CLIENTS = 4;
  private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

  /** One request: its step, when it ended (ms since the origin), its status (0: none), how long it took. */
  record Sample(String step, long at, int status, long millis) {}

  @Test
  void shouldServeHalfItsCapacityForHalfAnHourWithFlatMemoryAndNoErrors() throws Exception {
    Path directory = Faults.directory("soak");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Cluster cluster = new Cluster(postgres, directory)) {
      AppNode node = Cluster.awaitReady(cluster.launch("node-1"));
      StringBuilder report = new StringBuilder("## Capacity of one node (mixed sessions, closed loop)\n\n"
          + "| clients | requests/s | sessions/s | p50 | p95 | errors |\n|---:|---:|---:|---:|---:|---:|\n");
      run(node, 2, 0, 20); // warm-up: JIT, caches
      double capacity = 0;
      for (int clients : List.of(1, 2, 4, 8)) {
        List<Sample> samples = run(node, clients, 0, CAPACITY_SECONDS);
        double perSecond = samples.size() / (double) CAPACITY_SECONDS;
        long sessions = samples.stream().filter(s -> s.step().equals("start")).count();
        report.append(String.format("| %d | %.1f | %.2f | %d ms | %d ms | %d |%n", clients, perSecond,
            sessions / (double) CAPACITY_SECONDS, percentile(samples, 50), percentile(samples, 95), errors(samples)));
        capacity = Math.max(capacity, perSecond);
      }
      double target = capacity / 2;
      report.append(String.format("%nCapacity: %.1f requests/s. Soak at half: %.1f requests/s, %d clients paced, %d"
          + " minutes.%n%n", capacity, target, SOAK_CLIENTS, SOAK_MINUTES));

      List<Sample> soak = Collections.synchronizedList(new ArrayList<>());
      long origin = System.currentTimeMillis();
      List<String> minutes = new ArrayList<>();
      ExecutorService load = Executors.newSingleThreadExecutor();
      // each client aims at target / clients requests per second: a session's 11.5 requests every
      // 11.5 * clients / target seconds
      long sessionMillis = Math.round(11.5 * SOAK_CLIENTS * 1000 / target);
      var running = load.submit(() -> run(node, SOAK_CLIENTS, sessionMillis, SOAK_MINUTES * 60, soak, origin));
      report.append("| minute | requests | p95 | errors | RSS | heap after GC |\n|---:|---:|---:|---:|---:|---:|\n");
      List<Long> heaps = new ArrayList<>();
      List<Long> p95s = new ArrayList<>();
      for (int minute = 1; minute <= SOAK_MINUTES; minute++) {
        Load.pause(origin + minute * 60_000L - System.currentTimeMillis());
        long from = (minute - 1) * 60_000L;
        long to = minute * 60_000L;
        List<Sample> inMinute;
        synchronized (soak) {
          inMinute = soak.stream().filter(s -> s.at() >= from && s.at() < to).toList();
        }
        long heap = heapAfterGcKiB(node);
        long p95 = percentile(inMinute, 95);
        heaps.add(heap);
        p95s.add(p95);
        String line = String.format("| %d | %,d | %d ms | %d | %,d MiB | %,d MiB |", minute, inMinute.size(), p95,
            errors(inMinute), node.residentKiB() / 1024, heap / 1024);
        minutes.add(line);
        System.out.println(line);
      }
      running.get();
      load.shutdown();
      report.append(String.join("\n", minutes)).append('\n');
      long totalErrors = errors(soak);
      int half = heaps.size() / 2;
      double heapFirst = heaps.subList(1, Math.max(2, half)).stream().mapToLong(Long::longValue).average().orElse(0);
      double heapLast = heaps.subList(half, heaps.size()).stream().mapToLong(Long::longValue).average().orElse(0);
      double p95First = p95s.subList(1, Math.max(2, half)).stream().mapToLong(Long::longValue).average().orElse(0);
      double p95Last = p95s.subList(half, p95s.size()).stream().mapToLong(Long::longValue).average().orElse(0);
      report.append(String.format("%nErrors: %d of %,d requests. Heap after GC, mean of the first half (from minute 2)"
              + " %.0f MiB, of the second %.0f MiB (ratio %.2f). p95, the same halves: %.0f ms and %.0f ms (ratio"
              + " %.2f).%n", totalErrors, soak.size(), heapFirst / 1024, heapLast / 1024, heapLast / heapFirst,
          p95First, p95Last, p95Last / p95First));
      Faults.report("soak", report.toString());

      assertThat(totalErrors).as("errors in the soak").isZero();
      assertThat(heapLast / heapFirst).as("heap after GC, second half against first").isLessThan(1.25);
    }
  }

  private static List<Sample> run(AppNode node, int clients, long sessionMillis, int seconds)
      throws InterruptedException {
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    run(node, clients, sessionMillis, seconds, samples, System.currentTimeMillis());
    return samples;
  }

  /** {@code clients} clients doing sessions for {@code seconds}, each starting one every {@code sessionMillis}. */
  private static List<Sample> run(AppNode node, int clients, long sessionMillis, int seconds, List<Sample> samples,
      long origin) throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong sessions = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      pool.submit(() -> {
        while (running.get()) {
          long started = System.currentTimeMillis();
          session(node, samples, origin, sessions.incrementAndGet());
          Load.pause(sessionMillis - (System.currentTimeMillis() - started));
        }
        return null;
      });
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    return samples;
  }

  private static void session(AppNode node, List<Sample> samples, long origin, long number) {
    ApiClient lab = node.as("lab.lorenteggio").within(Load.TIMEOUT);
    ApiClient cpi = node.as("cpi.milano").within(Load.TIMEOUT);
    ApiClient operator = node.as("operator.lorenteggio").within(Load.TIMEOUT);
    ApiClient auditor = node.as("auditor").within(Load.TIMEOUT);
    ApiClient.Response started = call(samples, origin, "start", () -> lab.post("/api/pathways", Map.of(
        "projectCode", "LORENTEGGIO", "channel", "LAB", "person", TestPeople.adult().asRequest())));
    if (started == null || started.status() != 201) {
      return;
    }
    String pathwayId = started.json().get("pathwayId").asText();
    if (!step(samples, origin, lab, pathwayId, "Task_IntakeInterview",
        IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true)))
        || !step(samples, origin, cpi, pathwayId, "Task_VerifyEligibility", Map.of("verificationOutcome", "ELIGIBLE"))
        || !step(samples, origin, cpi, pathwayId, "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"))) {
      return;
    }
    call(samples, origin, "operator's list", () -> operator.get("/api/tasks"));
    call(samples, origin, "pathway view", () -> operator.get("/api/pathways/" + pathwayId));
    call(samples, origin, "audit trail", () -> auditor.get("/api/pathways/" + pathwayId + "/audit"));
    if (number % 10 == 0) {
      call(samples, origin, "indicators", () -> auditor.get(
          "/api/reports/indicators?project=LORENTEGGIO&from=2026-01-01&to=2026-12-31"));
    }
  }

  /** Finds the pathway's task in the user's list and completes it. */
  private static boolean step(List<Sample> samples, long origin, ApiClient user, String pathwayId, String taskKey,
      Map<String, Object> variables) {
    ApiClient.Response list = call(samples, origin, "task list",
        () -> user.get("/api/tasks?pathwayId=" + pathwayId + "&taskKey=" + taskKey));
    if (list == null || list.status() != 200 || list.json().size() != 1) {
      return false;
    }
    String taskId = list.json().get(0).get("id").asText();
    ApiClient.Response done = call(samples, origin, "complete",
        () -> user.post("/api/tasks/" + taskId + "/complete", Map.of("variables", variables)));
    return done != null && done.status() == 204;
  }

  private static ApiClient.Response call(List<Sample> samples, long origin, String step,
      java.util.function.Supplier<ApiClient.Response> request) {
    long sent = System.currentTimeMillis();
    ApiClient.Response answer = null;
    try {
      answer = request.get();
    } catch (RuntimeException noAnswer) {
      // counted as an error (status 0)
    }
    long now = System.currentTimeMillis();
    samples.add(new Sample(step, now - origin, answer == null ? 0 : answer.status(), now - sent));
    return answer;
  }

  static long percentile(List<Sample> samples, int percent) {
    List<Long> millis;
    synchronized (samples) {
      millis = samples.stream().map(Sample::millis).sorted().toList();
    }
    if (millis.isEmpty()) {
      return 0;
    }
    return millis.get(Math.min(millis.size() - 1, (int) Math.ceil(percent / 100.0 * millis.size()) - 1));
  }

  static long errors(List<Sample> samples) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.status() == 0 || s.status() >= 400).count();
    }
  }

  /** The node's heap in use right after a full collection, in KiB ({@code jcmd}, from the JDK running the tests). */
  static long heapAfterGcKiB(AppNode node) throws IOException, InterruptedException {
    jcmd(node, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(node, "GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) : -1;
  }

  private static String jcmd(AppNode node, String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(node.pid()), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
