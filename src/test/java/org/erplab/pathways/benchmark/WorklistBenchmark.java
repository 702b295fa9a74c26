package org.erplab.pathways.benchmark;

import org.erplab.pathways.common.domain.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.pathway.process.HandoverProcess;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.security.CamundaIdentityAuthenticationProvider;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;
import org.erplab.pathways.support.IntakeAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Benchmark of issue point 10, "the worklist and the login at scale" (not a test: it fails only if the application
 * does; run it with {@code ./mvnw -Pbenchmark test}, see README "Benchmarks").
 *
 * <p>The whole application on embedded PostgreSQL, as the Spring tests run it ({@code test} profile: demo users,
 * no demo pathways, no job executor), without the process-coverage recorder of the test suite (it would record every
 * step of every seeded pathway), and with the data source wrapped by {@link DatabaseCounters}. Then:
 * <ol>
 *   <li>{@link PathwaySeeder} brings 2,000, and later 20,000, open pathways to realistic stages through the real code
 *       paths, on several threads, and prints how fast;
 *   <li>after each size, p50 and p95 over real HTTP of every door a user lists tasks through, per user: our
 *       {@code GET /api/tasks}, engine REST {@code GET /engine-rest/task} by the user's groups, and Tasklist's own
 *       engine API after a browser-like login (the first page of the shared filter "Compiti dei miei gruppi", and its
 *       count). One table: door × user × size, the ratio p95(largest) / p95(smallest), PASS or FAIL against the goal
 *       (ratio under 2, p95 under 200 ms); also the statements and transactions each request cost;
 *   <li>after each size, EXPLAIN (ANALYZE, BUFFERS) of the SQL the requests really ran (captured with its
 *       parameters): PostgreSQL's own time at each size, and whether the worklist query uses
 *       {@code ix_act_ru_task_worklist};
 *   <li>statements and transactions per step of a pathway through our API (create; per task: find, claim, complete
 *       until the next task exists), compared with PERFORMANCE.md's 48 transactions and 547 statements per pathway.
 * </ol>
 * The machine is shared and noisy: read ratios, not absolute times. The report is also written to
 * {@code target/benchmark/worklist-benchmark.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(DatabaseCounters.Config.class)
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class WorklistBenchmark {

  static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.sizes", "2000,20000").split(","))
      .map(String::trim).map(Integer::parseInt).toList();
  static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  static final int WARM_UP = 5;
  static final int REQUESTS = Integer.getInteger("benchmark.requests", 30);
  /** A series stops early after this long (a door that takes seconds per request is measured on fewer requests). */
  static final long SERIES_BUDGET_NANOS = 60_000_000_000L;
  static final List<String> USERS = List.of("lab.lorenteggio", "cpi.milano", "operator.lorenteggio", "manager");
  static final String PASSWORD = "demo";
  static final String WORKLIST_INDEX = "ix_act_ru_task_worklist";

  @LocalServerPort int port;
  @Autowired PathwayService pathwayService;
  @Autowired TaskService taskService;
  @Autowired CamundaIdentityAuthenticationProvider identities;
  @Autowired JdbcClient jdbc;

  private final StringBuilder report = new StringBuilder();

  @Test
  void worklistAndLoginAtScale() throws Exception {
    line("# Worklist and login at scale (%s, %d cores)%n", java.time.LocalDateTime.now().withNano(0),
        Runtime.getRuntime().availableProcessors());
    PathwaySeeder seeder = new PathwaySeeder(pathwayService, taskService);
    Latencies latencies = new Latencies();
    int seeded = 0;
    for (int size : SIZES) {
      PathwaySeeder.Seeded batch = seeder.seed(seeded, size, THREADS);
      seeded = size;
      line("%n## %,d open pathways%n%nSeeded %,d pathways in %.1f s on %d threads: %.1f pathways/s (goal > 50) %s%n",
          size, batch.count(), batch.took().toMillis() / 1000.0, THREADS, batch.perSecond(), batch.byStage());
      line("Open tasks by kind and tenant: %s%n", openTasks());
      line("Candidate links whose tenant is not their task's (the worklist relies on none): %d%n",
          jdbc.sql("select count(*) from ACT_RU_IDENTITYLINK i join ACT_RU_TASK t on t.ID_ = i.TASK_ID_ "
              + "where i.TYPE_ = 'candidate' and i.TENANT_ID_ is distinct from t.TENANT_ID_").query(Long.class).single());
      measureDoors(size, latencies);
      explainQueries(size);
    }
    line("%n## Latency per door, user and size (ms; items = tasks on the first page, or the count)%n%n%s", latencies.table());
    line("Goal per row: p95 at %,d under %.0f ms and p95(%,d) / p95(%,d) under %.0f.%n", SIZES.get(SIZES.size() - 1),
        Latencies.GOAL_P95_MS, SIZES.get(SIZES.size() - 1), SIZES.get(0), Latencies.GOAL_RATIO);
    printPlans();
    stepCosts();
    writeReport();
  }

  // ---- latencies

  private void measureDoors(int size, Latencies latencies) throws Exception {
    for (String user : USERS) {
      ApiClient client = ApiClient.as(port, user, PASSWORD);
      String groups = String.join(",", identities.load(user).groups());
      latencies.add("API GET /api/tasks", user, size, series(() -> ok(client.get("/api/tasks")).json().size()));
      latencies.add("engine REST GET /task", user, size, series(() ->
          ok(client.get(engineRestList(groups))).json().size()));
      TasklistSession tasklist = TasklistSession.login(port, user, PASSWORD);
      String filter = tasklist.filterId(TasklistSession.FILTER);
      latencies.add("Tasklist filter list", user, size, series(() -> tasklist.firstPage(filter)));
      latencies.add("Tasklist filter count", user, size, series(() -> tasklist.count(filter)));
    }
  }

  private static String engineRestList(String groups) {
    return "/engine-rest/task?maxResults=15&candidateGroups=" + groups + "&sortBy=dueDate&sortOrder=asc";
  }

  interface Call {
    long run() throws Exception;
  }

  /** Warm-up, then up to {@link #REQUESTS} timed requests one after the other, counting what they cost. */
  private static Latencies.Sample series(Call call) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      call.run();
    }
    List<Long> nanos = new ArrayList<>();
    long items = 0;
    long deadline = System.nanoTime() + SERIES_BUDGET_NANOS;
    DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
    while (nanos.size() < REQUESTS && (nanos.isEmpty() || System.nanoTime() < deadline)) {
      long start = System.nanoTime();
      items = call.run();
      nanos.add(System.nanoTime() - start);
    }
    return Latencies.Sample.of(nanos, items, DatabaseCounters.snapshot().since(before));
  }

  // ---- query plans

  /** One statement a request ran, explained at each size. */
  private record Plan(String door, String user, String statement, Map<Integer, Double> millisBySize,
      Set<String> indexes, boolean usesWorklistIndex) {}

  private final Map<String, Plan> plans = new LinkedHashMap<>();
  private final StringBuilder fullPlans = new StringBuilder();

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the SQL each door really ran (captured with its parameters bound), for each user:
   * the database's own time, free of the HTTP and the machine's noise, at each size.
   */
  private void explainQueries(int size) {
    fullPlans.setLength(0);
    for (String user : USERS) {
      ApiClient client = ApiClient.as(port, user, PASSWORD);
      String groups = String.join(",", identities.load(user).groups());
      ok(client.get("/api/tasks")); // logged in before capturing
      explain(size, "API GET /api/tasks", user, DatabaseCounters.capture(
          sql -> sql.contains("from ACT_RU_TASK t join ACT_RU_EXECUTION"), () -> ok(client.get("/api/tasks"))));
      explain(size, "engine REST GET /task", user, DatabaseCounters.capture(
          sql -> sql.contains("ACT_RU_TASK RES"), () -> ok(client.get(engineRestList(groups)))));
      try {
        TasklistSession tasklist = TasklistSession.login(port, user, PASSWORD);
        String filter = tasklist.filterId(TasklistSession.FILTER);
        explain(size, "Tasklist filter list", user, DatabaseCounters.capture(sql -> sql.contains("ACT_RU_TASK RES"),
            () -> unchecked(() -> tasklist.firstPage(filter))));
        explain(size, "Tasklist filter count", user, DatabaseCounters.capture(sql -> sql.contains("ACT_RU_TASK RES"),
            () -> unchecked(() -> tasklist.count(filter))));
      } catch (Exception e) {
        line("Tasklist plans of %s not taken: %s%n", user, e);
      }
    }
  }

  private void explain(int size, String door, String user, List<String> statements) {
    for (int n = 1; n <= statements.size(); n++) {
      String sql = statements.get(n - 1);
      String statement = describe(sql).orElse(n + " of " + statements.size());
      try {
        String text = String.join("\n", jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list());
        Set<String> indexes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\S+)")
            .matcher(text);
        while (m.find()) {
          indexes.add(m.group(1));
        }
        Matcher time = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(text);
        double millis = time.find() ? Double.parseDouble(time.group(1)) : Double.NaN;
        plans.computeIfAbsent(door + "|" + user + "|" + statement,
                k -> new Plan(door, user, statement, new LinkedHashMap<>(), indexes, text.contains(WORKLIST_INDEX)))
            .millisBySize().put(size, millis);
        fullPlans.append("-- ").append(door).append(", ").append(user).append(", statement ").append(statement)
            .append('\n').append(sql.strip()).append("\n\n").append(text).append("\n\n");
      } catch (RuntimeException e) {
        line("Could not explain %s, %s, statement %s: %s%n", door, user, statement,
            String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
  }

  /** Our worklist runs one query per tenant: named by its tenant; the engine's count by what it is. */
  private static java.util.Optional<String> describe(String sql) {
    Matcher tenant = Pattern.compile("t\\.TENANT_ID_ = \\('?([^')]+)'?\\)").matcher(sql);
    if (tenant.find()) {
      return java.util.Optional.of("tenant " + tenant.group(1));
    }
    return sql.toLowerCase().contains("count(") ? java.util.Optional.of("count") : java.util.Optional.empty();
  }

  private void printPlans() {
    int first = SIZES.get(0);
    int last = SIZES.get(SIZES.size() - 1);
    line("%n## Query plans (EXPLAIN (ANALYZE, BUFFERS) of the SQL each request ran, parameters bound)%n%n");
    line("Execution time in PostgreSQL, so without HTTP and with less of the machine's noise.%n%n");
    line("| door | user | statement | uses %s | indexes used @%,d | ms @%,d | ms @%,d | ratio |%n"
        + "|---|---|---|---|---|---:|---:|---:|%n", WORKLIST_INDEX, last, first, last);
    for (Plan plan : plans.values()) {
      Double a = plan.millisBySize().get(first);
      Double b = plan.millisBySize().get(last);
      line("| %s | %s | %s | %s | %s | %s | %s | %s |%n", plan.door(), plan.user(), plan.statement(),
          plan.usesWorklistIndex() ? "yes" : "no", plan.indexes().isEmpty() ? "(none)" : plan.indexes(),
          a == null ? "-" : String.format("%.2f", a), b == null ? "-" : String.format("%.2f", b),
          a == null || b == null ? "-" : String.format("%.1f", b / a));
    }
    line("%nThe plans at %,d in full:%n%n```%n%s```%n", last, fullPlans);
  }

  // ---- statements and transactions per step

  /**
   * One pathway after another through our API, as a client does it: create; then for each task, find (the role's
   * {@code GET /api/tasks}), claim, and complete until the next task exists (or the pathway is handed over).
   */
  private void stepCosts() {
    int pathways = 10;
    Map<String, long[]> costs = new LinkedHashMap<>();
    ApiClient lab = ApiClient.as(port, "lab.lorenteggio", PASSWORD);
    ApiClient cpi = ApiClient.as(port, "cpi.milano", PASSWORD);
    ApiClient operator = ApiClient.as(port, "operator.lorenteggio", PASSWORD);
    for (ApiClient client : List.of(lab, cpi, operator)) {
      ok(client.get("/api/tasks")); // logins verified once, then cached (ADR 0011)
    }
    for (int i = 0; i < pathways; i++) {
      Map<String, Object> request = Map.of("projectCode", PathwaySeeder.LORENTEGGIO, "channel", "LAB",
          "person", PathwaySeeder.personRequest(1_000_000 + i, PathwaySeeder.LORENTEGGIO));
      JsonNode created = counted(costs, "create: POST /api/pathways", () -> lab.post("/api/pathways", request)).json();
      UUID pathwayId = UUID.fromString(created.get("pathwayId").asText());
      step(costs, "intake interview (lab)", lab, pathwayId, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
          IntakeAnswers.eligible(), PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
      step(costs, "assign operator (CPI)", cpi, pathwayId, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
          Map.of(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"),
          HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);
      step(costs, "first appointment (operator)", operator, pathwayId, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
          Map.of(HandoverProcess.Variables.APPOINTMENT_DATE.name(), LocalDate.now(EngineClock.ZONE).plusDays(7).toString()), null);
      String stage = jdbc.sql("select stage from pathway where id = ?").param(pathwayId).query(String.class).single();
      if (!"SKILLS_ASSESSMENT".equals(stage)) {
        throw new IllegalStateException("Pathway " + pathwayId + " not handed over: " + stage);
      }
    }
    line("%n## Statements and transactions per step through our API (JDBC wrapper on the DataSource; mean of %d pathways at %,d)%n%n",
        pathways, SIZES.get(SIZES.size() - 1));
    line("Transactions = commits and rollbacks, plus statements run in auto-commit mode. Logins are cached (ADR 0011): "
        + "each user's first request verified the password before counting started.%n%n");
    line("| request | statements | transactions |%n|---|---:|---:|%n");
    double statements = 0;
    double transactions = 0;
    for (Map.Entry<String, long[]> cost : costs.entrySet()) {
      double s = (double) cost.getValue()[1] / cost.getValue()[0];
      double t = (double) cost.getValue()[2] / cost.getValue()[0];
      line("| %s | %.1f | %.1f |%n", cost.getKey(), s, t);
      statements += s * cost.getValue()[0] / pathways;
      transactions += t * cost.getValue()[0] / pathways;
    }
    line("| **one pathway: create + 3 × (find, claim, complete)** | **%.1f** | **%.1f** |%n", statements, transactions);
    line("%nPERFORMANCE.md measured the same sequence before: 547 statements and 48 transactions per pathway (30 of "
        + "them logins); bare Camunda 200 statements and 10 transactions.%n");
  }

  private void step(Map<String, long[]> costs, String name, ApiClient client, UUID pathwayId, String taskKey,
      Map<String, Object> values, String nextTaskKey) {
    String taskId = openTask(pathwayId, taskKey).getId();
    counted(costs, name + ": find, GET /api/tasks", () -> client.get("/api/tasks"));
    counted(costs, name + ": claim", () -> client.post("/api/tasks/" + taskId + "/claim", Map.of()));
    counted(costs, name + ": complete", () -> client.post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", values)));
    if (nextTaskKey != null) {
      openTask(pathwayId, nextTaskKey); // the next task exists once the completion has answered
    }
  }

  private static ApiClient.Response counted(Map<String, long[]> costs, String name,
      java.util.function.Supplier<ApiClient.Response> request) {
    DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
    ApiClient.Response response = ok(request.get());
    DatabaseCounters.Snapshot used = DatabaseCounters.snapshot().since(before);
    long[] sum = costs.computeIfAbsent(name, k -> new long[3]);
    sum[0]++;
    sum[1] += used.statements();
    sum[2] += used.transactions();
    return response;
  }

  private Task openTask(UUID pathwayId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Pathway " + pathwayId + " has no open " + taskKey);
    }
    return task;
  }

  // ---- helpers

  private Map<String, Long> openTasks() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select TASK_DEF_KEY_ || ' @ ' || TENANT_ID_, count(*) from ACT_RU_TASK group by 1 order by 1")
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private static ApiClient.Response ok(ApiClient.Response response) {
    if (response.status() / 100 != 2) {
      throw new IllegalStateException("Unexpected answer: " + response);
    }
    return response;
  }

  private static void unchecked(Call call) {
    try {
      call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void line(String format, Object... args) {
    String text = String.format(format, args);
    System.out.print(text);
    System.out.flush();
    report.append(text);
  }

  private void writeReport() throws IOException {
    Path file = Path.of(System.getProperty("benchmark.report", "target/benchmark/worklist-benchmark.md"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("Report written to " + file.toAbsolutePath());
  }
}
