package org.erplab.pathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.domain.EngineClock;
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
 * Issue 7's benchmark (not a test: run it with {@code ./mvnw -Pbenchmark -Dbenchmark=FullPathwayBenchmark test}):
 * full pathways, intake to the end of training with every user task, driven
 * <ul>
 *   <li>through our API over HTTP, as the lab, the CPI and the operator would: create; for each of the 7 user tasks
 *       find it in the caller's task list ({@code GET /api/tasks?pathwayId=…&taskKey=…}) and complete it (the
 *       completion claims it); the plan ({@code PUT .../plan}) before its draft task, one attendance line before the
 *       course ends;
 *   <li>through bare Camunda's Java API ({@link BareEngine}: same models, history FULL, same PostgreSQL server, no
 *       plugin or table of ours): start; per task query by business key and complete;
 * </ul>
 * both up to the placement's first task (no internship planned), in the same run, after {@code -Dbenchmark.warmUp=60}
 * pathways each way (the JIT compiler needs them: with 3, the API's JVM still spent half its CPU compiling), at 1, 2
 * and 4 concurrent clients ({@code -Dbenchmark.clients=1,2,4}, {@code -Dbenchmark.pathways=8} per client). The
 * course ends before the plan is signed, so its timer is due at once; it is executed through the engine's Java API in
 * both. Printed: pathways/s, tasks/s, the ratio bare/API of the time per completed task (issue 7's goal: under 2),
 * statements and transactions per completed task (the JDBC wrapper of {@link DatabaseCounters}), the CPU the JVM and
 * the PostgreSQL server used per task, each API request's time at the client and at the server, and for one pathway
 * each the statements grouped by table, to see where the API's extra
 * goes. Also written to {@code target/benchmark/full-pathway-benchmark.md}. The machine is shared: read ratios.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(DatabaseCounters.Config.class)
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class FullPathwayBenchmark {

  static final List<Integer> CLIENTS = Arrays.stream(System.getProperty("benchmark.clients", "1,2,4").split(","))
      .map(String::trim).map(Integer::parseInt).toList();
  static final int PATHWAYS_PER_CLIENT = Integer.getInteger("benchmark.pathways", 8);
  static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 60);
  static final int TASKS = BareEngine.userTasks().size();
  static final String PROJECT = "LORENTEGGIO";
  static final String OPERATOR_ORGANISATION = "SOLCO";
  static final String LAB = "lab.lorenteggio";
  static final String CPI = "cpi.milano";
  static final String OPERATOR = "operator.lorenteggio";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  private final StringBuilder report = new StringBuilder();
  private final AtomicInteger people = new AtomicInteger(2_000_000);
  private ProcessEngine bare;
  private final LocalDate today = EngineClock.today();

  @Test
  void fullPathwaysThroughTheApiAndThroughBareCamunda() throws Exception {
    bare = BareEngine.start(10, ds -> (DataSource) DatabaseCounters.Config.countingDataSource()
        .postProcessAfterInitialization(ds, "bare"));
    try {
      line("# Full pathways: our API vs bare Camunda (%s, %d cores)%n%n", java.time.LocalDateTime.now().withNano(0),
          Runtime.getRuntime().availableProcessors());
      line("Per pathway: %d user tasks (%s), the plan, one attendance line, the course-end timer.%n%n", TASKS,
          String.join(", ", BareEngine.userTasks()));
      for (int i = 0; i < WARM_UP; i++) {
        apiPathway();
        barePathway();
      }
      line("| clients | API pathways/s | API tasks/s | bare pathways/s | bare tasks/s | time per task, API / bare "
          + "| statements per task, API / bare | transactions per task, API / bare | ms per task, API / bare "
          + "| JVM CPU ms per task, API / bare | PostgreSQL CPU ms per task, API / bare |%n"
          + "|---:|---:|---:|---:|---:|---:|---|---|---|---|---|%n");
      for (int clients : CLIENTS) {
        Run api = run(clients, this::apiPathway);
        Run bareRun = run(clients, this::barePathway);
        line("| %d | %.2f | %.1f | %.2f | %.1f | **%.2f** | %.0f / %.0f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f "
            + "| %.1f / %.1f |%n", clients, api.pathwaysPerSecond(), api.tasksPerSecond(),
            bareRun.pathwaysPerSecond(), bareRun.tasksPerSecond(), bareRun.tasksPerSecond() / api.tasksPerSecond(),
            api.statementsPerTask(), bareRun.statementsPerTask(), api.transactionsPerTask(),
            bareRun.transactionsPerTask(), api.millisPerTask(), bareRun.millisPerTask(), api.jvmCpuMillisPerTask(),
            bareRun.jvmCpuMillisPerTask(), api.postgresCpuMillisPerTask(), bareRun.postgresCpuMillisPerTask());
      }
      line("%nGoal (issue 7): the API within 2× of bare Camunda per completed task.%n");
      apiSteps(Integer.getInteger("benchmark.stepPathways", 5));
      if (Boolean.getBoolean("benchmark.sql")) {
        claimAndCompleteSql();
      }
      whereTheStatementsGo();
      writeReport();
    } finally {
      bare.close();
    }
  }

  // ---- runs

  record Run(int pathways, double seconds, DatabaseCounters.Snapshot used, long jvmCpuNanos,
      long postgresCpuNanos) {
    double pathwaysPerSecond() {
      return pathways / seconds;
    }

    double tasksPerSecond() {
      return pathways * TASKS / seconds;
    }

    double statementsPerTask() {
      return (double) used.statements() / (pathways * TASKS);
    }

    double transactionsPerTask() {
      return (double) used.transactions() / (pathways * TASKS);
    }

    double millisPerTask() {
      return seconds * 1000 / (pathways * TASKS);
    }

    double jvmCpuMillisPerTask() {
      return jvmCpuNanos / 1e6 / (pathways * TASKS);
    }

    double postgresCpuMillisPerTask() {
      return postgresCpuNanos / 1e6 / (pathways * TASKS);
    }
  }

  private Run run(int clients, Runnable pathway) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
      long jvmCpuBefore = jvmCpuNanos();
      long postgresCpuBefore = postgresCpuNanos();
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < PATHWAYS_PER_CLIENT; i++) {
            pathway.run();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(clients * PATHWAYS_PER_CLIENT, seconds, DatabaseCounters.snapshot().since(before),
          jvmCpuNanos() - jvmCpuBefore, postgresCpuNanos() - postgresCpuBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this JVM so far: request threads, clients, and the JIT compiler and garbage collector. */
  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time of the PostgreSQL server's processes so far (Linux {@code /proc}, user + system, in clock ticks of 10 ms;
   * 0 elsewhere): how much of a run's work the database did, beside the JVM's.
   */
  private static long postgresCpuNanos() {
    long ticks = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        try {
          if (Files.readString(process.resolve("comm")).startsWith("postgres")) {
            // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
            String[] fields = Files.readString(process.resolve("stat")).replaceAll("^.*\\) ", "").split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (IOException | RuntimeException gone) {
          // not a process, or it ended while read
        }
      }
    } catch (IOException noProc) {
      return 0;
    }
    return ticks * 10_000_000L;
  }

  // ---- one pathway through the API

  /** When set (one client only), what each step of the API pathway cost: [count, statements, transactions, nanos]. */
  private volatile Map<String, long[]> steps;

  private ApiClient.Response step(String name, java.util.function.Supplier<ApiClient.Response> request) {
    Map<String, long[]> costs = steps;
    if (costs == null) {
      return ok(request.get());
    }
    DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
    long start = System.nanoTime();
    ApiClient.Response response = ok(request.get());
    long nanos = System.nanoTime() - start;
    DatabaseCounters.Snapshot used = DatabaseCounters.snapshot().since(before);
    long[] sum = costs.computeIfAbsent(name, k -> new long[4]);
    sum[0]++;
    sum[1] += used.statements();
    sum[2] += used.transactions();
    sum[3] += nanos;
    return response;
  }

  /** A few API pathways one at a time, each request's statements, transactions and time, by kind of request. */
  private void apiSteps(int pathways) {
    steps = new LinkedHashMap<>();
    Map<String, double[]> serverBefore = serverTimes();
    for (int i = 0; i < pathways; i++) {
      apiPathway();
    }
    Map<String, long[]> costs = steps;
    steps = null;
    Map<String, double[]> serverAfter = serverTimes();
    long totalNanos = costs.values().stream().mapToLong(c -> c[3]).sum();
    line("%n## Per request of the API pathway (mean of %d pathways, one client)%n%n"
        + "| request | per pathway | statements | transactions | ms, at the client | share of the time |%n"
        + "|---|---:|---:|---:|---:|---:|%n", pathways);
    costs.forEach((name, c) -> line("| %s | %.0f | %.1f | %.1f | %.1f | %.0f %% |%n", name, (double) c[0] / pathways,
        (double) c[1] / c[0], (double) c[2] / c[0], c[3] / 1e6 / c[0], 100.0 * c[3] / totalNanos));
    line("%nThe same requests as the server timed them (`http.server.requests`): ");
    serverAfter.forEach((request, after) -> {
      double[] before = serverBefore.getOrDefault(request, new double[2]);
      if (after[0] > before[0]) {
        line("%s %.1f ms; ", request, (after[1] - before[1]) / (after[0] - before[0]));
      }
    });
    line("%n");
  }

  /** Per request (method and URI template) the server's count and total milliseconds so far. */
  private Map<String, double[]> serverTimes() {
    Map<String, double[]> times = new TreeMap<>();
    meters.find("http.server.requests").timers().forEach(timer -> times.merge(
        timer.getId().getTag("method") + " " + timer.getId().getTag("uri"),
        new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)},
        (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}));
    return times;
  }

  private void apiPathway() {
    ApiClient lab = ApiClient.as(port, LAB, "demo");
    ApiClient cpi = ApiClient.as(port, CPI, "demo");
    ApiClient operator = ApiClient.as(port, OPERATOR, "demo");
    JsonNode created = step("create: POST /api/pathways", () -> lab.post("/api/pathways", Map.of("projectCode", PROJECT,
        "channel", "LAB", "person", PathwaySeeder.personRequest(people.getAndIncrement(), PROJECT)))).json();
    String pathway = created.path("pathwayId").asText();
    apiTask(lab, pathway, "Task_IntakeInterview", IntakeAnswers.eligible());
    apiTask(cpi, pathway, "Task_AssignOperator", Map.of("operatorOrganisation", OPERATOR_ORGANISATION));
    apiTask(operator, pathway, "Task_FirstAppointment", Map.of("appointmentDate", today.toString()));
    apiTask(operator, pathway, "Task_SkillsAssessment", assessment());
    step("plan: PUT /api/pathways/{id}/plan", () -> operator.put("/api/pathways/" + pathway + "/plan", plan()));
    apiTask(operator, pathway, "Task_DraftPlan", Map.of("planSubmitted", true));
    apiTask(cpi, pathway, "Task_ApprovePlan", Map.of("planApproved", true));
    apiTask(operator, pathway, "Task_RecordSignature", Map.of("signedOn", today.toString()));
    step("attendance: POST /api/pathways/{id}/attendance", () -> operator.post("/api/pathways/" + pathway
        + "/attendance", Map.of("courseCode", "BEN-01", "date", today.minusDays(1).toString(), "hours",
        new BigDecimal("8"))));
    courseEnds(runtimeService, managementService, pathway);
    String stage = jdbc.sql("select stage from pathway where id = ?").param(UUID.fromString(pathway))
        .query(String.class).single();
    if (!"PLACEMENT".equals(stage)) {
      throw new IllegalStateException("API pathway " + pathway + " ended training in stage " + stage);
    }
  }

  private void apiTask(ApiClient user, String pathway, String taskKey, Map<String, Object> values) {
    JsonNode tasks = step("find: GET /api/tasks?pathwayId=…&taskKey=…", () -> user.get("/api/tasks?pathwayId="
        + pathway + "&taskKey=" + taskKey)).json();
    if (tasks.size() != 1) {
      throw new IllegalStateException("Pathway " + pathway + " has " + tasks.size() + " open " + taskKey);
    }
    String id = tasks.get(0).path("id").asText();
    // the completion claims the task for its caller
    step("complete " + taskKey, () -> user.post("/api/tasks/" + id + "/complete", Map.of("variables", values)));
  }

  // ---- one pathway through bare Camunda

  private void barePathway() {
    String pathway = UUID.randomUUID().toString();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("pathwayId", pathway);
    start.put("participantId", UUID.randomUUID().toString());
    start.put("projectCode", PROJECT);
    start.put("channel", "LAB");
    start.put("ageAtIntake", 40);
    bare.getRuntimeService().createProcessInstanceByKey("pathway").businessKey(pathway).setVariables(start).execute();
    Map<String, Object> interview = IntakeAnswers.eligible();
    interview.remove("note");
    interview.remove("vulnerabilities"); // sensitive: never variables in the application either
    bareTask(LAB, pathway, "Task_IntakeInterview", interview);
    bareTask(CPI, pathway, "Task_AssignOperator", Map.of("operatorOrganisation", OPERATOR_ORGANISATION));
    bareTask(OPERATOR, pathway, "Task_FirstAppointment", Map.of("appointmentDate", today.toString()));
    bareTask(OPERATOR, pathway, "Task_SkillsAssessment", assessment());
    bareTask(OPERATOR, pathway, "Task_DraftPlan", Map.of("planSubmitted", true));
    bareTask(CPI, pathway, "Task_ApprovePlan", Map.of("planApproved", true));
    bareTask(OPERATOR, pathway, "Task_RecordSignature", Map.of("signedOn", today.toString()));
    courseEnds(bare.getRuntimeService(), bare.getManagementService(), pathway);
    // training done, the placement begins: the same place as the API's pathway
    if (bare.getTaskService().createTaskQuery().processInstanceBusinessKey(pathway)
        .taskDefinitionKey("Task_RecordPlacement").count() != 1) {
      throw new IllegalStateException("Bare pathway " + pathway + " did not reach the placement after training");
    }
  }

  private void bareTask(String user, String pathway, String taskKey, Map<String, Object> values) {
    TaskService tasks = bare.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(pathway).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Bare pathway " + pathway + " has no open " + taskKey);
    }
    tasks.complete(task.getId(), values);
  }

  // ---- shared

  /** The course ended yesterday: its timer is due; executed as the job executor would. */
  private static void courseEnds(RuntimeService runtime, ManagementService management, String pathway) {
    List<Job> timers = new ArrayList<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(pathway).list().forEach(instance ->
        timers.addAll(management.createJobQuery().processInstanceId(instance.getId()).activityId("Timer_CourseEnded")
            .list()));
    if (timers.size() != 1) {
      throw new IllegalStateException("Pathway " + pathway + ": " + timers.size() + " course-end timers");
    }
    management.executeJob(timers.get(0).getId());
  }

  private static Map<String, Object> assessment() {
    return Map.of("orientationHours", 6, "readyForWork", true, "needsSocialSupport", false,
        "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME");
  }

  private Map<String, Object> plan() {
    return Map.of("services", List.of(Map.of("type", "COACHING", "hours", 6, "cost", new BigDecimal("300"))),
        "courses", List.of(Map.of("code", "BEN-01", "title", "Carrellista", "plannedHours", 10,
            "startDate", today.minusDays(10).toString(), "endDate", today.minusDays(1).toString())),
        "internshipPlanned", false, "indemnityCap", new BigDecimal("1000"));
  }

  // ---- where the statements go

  /** Every statement of one claim and one completion through the API, to read (-Dbenchmark.sql=true). */
  private void claimAndCompleteSql() {
    ApiClient lab = ApiClient.as(port, LAB, "demo");
    String pathway = ok(lab.post("/api/pathways", Map.of("projectCode", PROJECT, "channel", "LAB",
        "person", PathwaySeeder.personRequest(people.getAndIncrement(), PROJECT)))).json().path("pathwayId").asText();
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(pathway)
        .taskDefinitionKey("Task_IntakeInterview").singleResult().getId();
    ok(lab.get("/api/tasks?maxResults=1"));
    line("%n## SQL of one claim%n%n```%n");
    DatabaseCounters.capture(sql -> true, () -> ok(lab.post("/api/tasks/" + taskId + "/claim", Map.of())))
        .forEach(sql -> line("%s%n", sql.length() > 240 ? sql.substring(0, 240) + "…" : sql));
    line("```%n%n## SQL of one completion (Task_IntakeInterview)%n%n```%n");
    DatabaseCounters.capture(sql -> true, () -> ok(lab.post("/api/tasks/" + taskId + "/complete",
            Map.of("variables", IntakeAnswers.eligible()))))
        .forEach(sql -> line("%s%n", sql.length() > 240 ? sql.substring(0, 240).replace('\n', ' ') + "…"
            : sql.replace('\n', ' ')));
    line("```%n");
  }

  /** One pathway each way with every statement captured, grouped by the table it reads or writes. */
  private void whereTheStatementsGo() {
    Map<String, Long> api = byTable(DatabaseCounters.capture(sql -> true, this::apiPathway));
    Map<String, Long> bareCounts = byTable(DatabaseCounters.capture(sql -> true, this::barePathway));
    line("%n## Statements of one pathway by table (API / bare)%n%n| table | API | bare |%n|---|---:|---:|%n");
    Map<String, long[]> both = new TreeMap<>();
    api.forEach((t, n) -> both.computeIfAbsent(t, k -> new long[2])[0] = n);
    bareCounts.forEach((t, n) -> both.computeIfAbsent(t, k -> new long[2])[1] = n);
    both.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0] - b.getValue()[1],
            a.getValue()[0] - a.getValue()[1]))
        .forEach(e -> line("| %s | %d | %d |%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
    line("| **all** | **%d** | **%d** |%n", api.values().stream().mapToLong(Long::longValue).sum(),
        bareCounts.values().stream().mapToLong(Long::longValue).sum());
  }

  static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
      "(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");

  /** The verb and first table of each statement: {@code select act_ru_task}, {@code insert deadline}, ... */
  static Map<String, Long> byTable(List<String> statements) {
    Function<String, String> key = sql -> {
      String trimmed = sql.strip();
      String verb = trimmed.isEmpty() ? "?" : trimmed.split("\\s+")[0].toLowerCase();
      java.util.regex.Matcher m = TABLE.matcher(trimmed);
      return verb + " " + (m.find() ? m.group(1).toLowerCase() : "-");
    };
    return statements.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static ApiClient.Response ok(ApiClient.Response response) {
    if (response.status() / 100 != 2) {
      throw new IllegalStateException("Unexpected answer: " + response);
    }
    return response;
  }

  private void line(String format, Object... args) {
    String text = String.format(format, args);
    System.out.print(text);
    System.out.flush();
    synchronized (report) {
      report.append(text);
    }
  }

  private void writeReport() throws IOException {
    Path file = Path.of("target/benchmark/full-pathway-benchmark.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("Report written to " + file.toAbsolutePath());
  }
}
