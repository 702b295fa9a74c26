package org.erplab.pathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayService;
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
 * Benchmark of issue 11, "Growth": the task list (first page, per role), the pathway view and the audit trail at
 * 10,000, 100,000 and 1,000,000 pathways in realistic stages; p50/p95 and the ratio of the p95 between the largest and
 * the smallest size, which must stay under 2 (not a test: it fails only if the application does; run it with
 * {@code ./mvnw -Pbenchmark -Dbenchmark=GrowthBenchmark test}, see README "Benchmarks").
 *
 * <p>The whole application on embedded PostgreSQL ({@code test} profile: demo users, no job executor). Then:
 * <ol>
 *   <li><b>Templates through the real code paths</b>: in LORENTEGGIO (operator SOLCO) and BOLLATE (CONSORZIO_SIR),
 *       one pathway of each {@link Kind} over our API as the lab, the CPI and the operator do it (the public
 *       self-registration through {@link PathwayService#start}, the course-end timer executed as the job executor
 *       would): waiting for the lab's call-back or intake interview, the CPI's verification or choice of operator,
 *       the operator's first appointment, skills assessment or placement, in training (a course-end timer), or
 *       closed (not eligible, unreachable, withdrawn in training).
 *   <li><b>Copies in SQL</b> ({@link PathwayCloner}: why they are the same rows is written there): each template's rows
 *       of every table it wrote to, copied with new ids in the proportions of {@link Kind#share} (a third open, two
 *       thirds closed; the open ones spread over 15 days, the closed over 3 years), up to each size in
 *       {@code benchmark.growth.sizes} (default 10,000 and 100,000), 20,000 copies per statement.
 *   <li><b>Faithfulness</b>, at the first size: rows per table of each template and of one of its copies (found
 *       again by their ids), and one copy of each open kind read through the API (task list filtered to the
 *       pathway, view, audit trail) and compared with its template's answers with ids and times masked; one copied
 *       first appointment, intake interview and CPI verification completed through {@code POST /api/tasks/{id}/complete},
 *       after which the pathway's next task is in the next role's list.
 *   <li><b>Latency</b> after each size and ANALYZE, over real HTTP with HTTP Basic: {@code GET /api/tasks} (first
 *       page) for every lab, CPI and operator user of both projects; {@code GET /api/pathways/{id}} of a copied
 *       pathway in placement (as its CPI) and of a closed one; {@code GET /api/pathways/{id}/audit} of the same.
 *       p50/p95 of {@code benchmark.requests} (default 50) after 10 to warm up, the ratio of the p95s and PASS/FAIL
 *       (under 2); EXPLAIN (ANALYZE, BUFFERS) of the task list's SQL for each user at each size.
 * </ol>
 * The machine is shared: read ratios, not times. The report is also written to
 * {@code target/benchmark/growth-benchmark.md} ({@code benchmark.growth.report}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(DatabaseCounters.Config.class)
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class GrowthBenchmark {

  static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.growth.sizes", "10000,100000")
      .split(",")).map(String::trim).map(Integer::parseInt).toList();
  static final int REQUESTS = Integer.getInteger("benchmark.requests", 50);
  static final int WARM_UP = 10;
  static final int BATCH = Integer.getInteger("benchmark.growth.batch", 20_000);
  static final double GOAL_RATIO = 2;
  static final String PASSWORD = "demo";
  static final long DAY = 86_400;

  /** A project and its users. */
  record Project(String code, String lab, String cpi, String operator, String operatorOrganisation) {}

  static final List<Project> PROJECTS = List.of(
      new Project("LORENTEGGIO", "lab.lorenteggio", "cpi.milano", "operator.lorenteggio", "SOLCO"),
      new Project("BOLLATE", "lab.bollate", "cpi.bollate", "operator.bollate", "CONSORZIO_SIR"));

  /** Where a template pathway stops, its share of the pathways (per cent), and how far back copies are spread. */
  enum Kind {
    CALL_BACK(3, "Task_CallBack", 15 * DAY),
    INTAKE_INTERVIEW(4, "Task_IntakeInterview", 15 * DAY),
    VERIFY_ELIGIBILITY(3, "Task_VerifyEligibility", 15 * DAY),
    ASSIGN_OPERATOR(3, "Task_AssignOperator", 15 * DAY),
    FIRST_APPOINTMENT(4, "Task_FirstAppointment", 15 * DAY),
    SKILLS_ASSESSMENT(3, "Task_SkillsAssessment", 15 * DAY),
    TRAINING(8, null, 15 * DAY),
    PLACEMENT(5, "Task_RecordPlacement", 15 * DAY),
    INELIGIBLE(20, null, 3 * 365 * DAY),
    UNREACHABLE(12, null, 3 * 365 * DAY),
    WITHDRAWN(35, null, 3 * 365 * DAY);

    final int share;
    final String waitingTask;
    final long maxShiftSeconds;

    Kind(int share, String waitingTask, long maxShiftSeconds) {
      this.share = share;
      this.waitingTask = waitingTask;
      this.maxShiftSeconds = maxShiftSeconds;
    }
  }

  @LocalServerPort int port;
  @Autowired PathwayService pathwayService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;

  private final StringBuilder report = new StringBuilder();
  private final LocalDate today = EngineClock.today();
  private int people = 3_000_000;

  record Seeded(Project project, Kind kind, PathwayCloner.Template template) {}

  record Row(String measure, String user, Map<Integer, Latencies.Sample> bySize) {}

  @Test
  void growth() throws Exception {
    line("# Growth: task list, pathway view and audit trail at %s pathways (%s, %d cores)%n",
        SIZES.stream().map(s -> String.format("%,d", s)).toList(), java.time.LocalDateTime.now().withNano(0),
        Runtime.getRuntime().availableProcessors());
    PathwayCloner cloner = new PathwayCloner(jdbc);
    cloner.before();
    List<Seeded> templates = new ArrayList<>();
    long started = System.nanoTime();
    int number = 0;
    for (Project project : PROJECTS) {
      for (Kind kind : Kind.values()) {
        String pathway = template(project, kind);
        templates.add(new Seeded(project, kind, cloner.capture(++number, project.code() + " " + kind, pathway,
            kind.maxShiftSeconds)));
      }
    }
    cloner.seal();
    line("%n%d template pathways through the API in %.1f s.%n", templates.size(), (System.nanoTime() - started) / 1e9);
    printTemplates(cloner, templates);

    Map<String, Row> rows = new LinkedHashMap<>();
    Map<Seeded, Integer> copied = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> plans = new LinkedHashMap<>();
    java.sql.Connection connection = dataSource.getConnection();
    JdbcClient loader = PathwayCloner.loader(connection);
    for (int size : SIZES) {
      long t0 = System.nanoTime();
      long inserted = 0;
      int pathwaysCopied = 0;
      for (Seeded seeded : templates) {
        int target = (int) Math.round((double) size * seeded.kind().share / 100 / PROJECTS.size()) - 1;
        int from = copied.getOrDefault(seeded, 0) + 1;
        for (int low = from; low <= target; low += BATCH) {
          int high = Math.min(target, low + BATCH - 1);
          inserted += cloner.copy(loader, seeded.template(), low, high);
          pathwaysCopied += high - low + 1;
          System.out.printf("  %s: copies %,d..%,d (%.0f s)%n", seeded.template().name(), low, high,
              (System.nanoTime() - t0) / 1e9);
        }
        copied.put(seeded, Math.max(target, from - 1));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      jdbc.sql("analyze").update();
      long pathways = jdbc.sql("select count(*) from pathway").query(Long.class).single();
      line("%n## %,d pathways%n%nCopied %,d pathways, %,d rows, in %.1f s (%,.0f pathways/s, %,.0f rows/s); analyzed in "
              + "%.1f s. Pathways by status: %s; open tasks by key: %s; database %s.%n%nLargest tables: %s%n",
          pathways, pathwaysCopied, inserted, seconds, pathwaysCopied / Math.max(seconds, 0.001),
          inserted / Math.max(seconds, 0.001), (System.nanoTime() - t0) / 1e9 - seconds, byStatus(), openTasks(),
          jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))").query(String.class).single(),
          largestTables());
      if (size == SIZES.get(0)) {
        checkCopies(cloner, templates);
      }
      measure(size, templates, rows);
      explainTaskLists(size, plans);
    }
    connection.close();
    printLatencies(rows);
    printPlans(plans);
    printAuditPlans();
    printListStatements();
    cloner.dropStaging();
    writeReport();
  }

  // ---- templates through the real code paths

  private String template(Project project, Kind kind) {
    ApiClient lab = ApiClient.as(port, project.lab(), PASSWORD);
    ApiClient cpi = ApiClient.as(port, project.cpi(), PASSWORD);
    ApiClient operator = ApiClient.as(port, project.operator(), PASSWORD);
    String pathway;
    if (kind == Kind.CALL_BACK || kind == Kind.UNREACHABLE) {
      pathway = pathwayService.start(PathwaySeeder.person(people++, project.code()), Channel.SELF_REGISTRATION,
          OffsetDateTime.now()).pathwayId().toString();
      if (kind == Kind.UNREACHABLE) {
        for (int attempt = 0; attempt < 3; attempt++) {
          complete(lab, pathway, "Task_CallBack", Map.of("contactOutcome", "NOT_REACHED"));
        }
      }
      return checked(pathway, kind);
    }
    pathway = ok(lab.post("/api/pathways", Map.of("projectCode", project.code(), "channel", "LAB",
        "person", PathwaySeeder.personRequest(people++, project.code())))).json().path("pathwayId").asText();
    if (kind == Kind.INTAKE_INTERVIEW) {
      return checked(pathway, kind);
    }
    if (kind == Kind.INELIGIBLE) {
      complete(lab, pathway, "Task_IntakeInterview", IntakeAnswers.eligibleWith(Map.of("residentInErp", false)));
      return checked(pathway, kind);
    }
    if (kind == Kind.VERIFY_ELIGIBILITY) {
      complete(lab, pathway, "Task_IntakeInterview", IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true)));
      return checked(pathway, kind);
    }
    complete(lab, pathway, "Task_IntakeInterview", IntakeAnswers.eligible());
    if (kind == Kind.ASSIGN_OPERATOR) {
      return checked(pathway, kind);
    }
    complete(cpi, pathway, "Task_AssignOperator", Map.of("operatorOrganisation", project.operatorOrganisation()));
    if (kind == Kind.FIRST_APPOINTMENT) {
      return checked(pathway, kind);
    }
    complete(operator, pathway, "Task_FirstAppointment", Map.of("appointmentDate", today.toString()));
    if (kind == Kind.SKILLS_ASSESSMENT) {
      return checked(pathway, kind);
    }
    complete(operator, pathway, "Task_SkillsAssessment", Map.of("orientationHours", 6, "readyForWork", true,
        "needsSocialSupport", false, "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    boolean ended = kind == Kind.PLACEMENT;
    ok(operator.put("/api/pathways/" + pathway + "/plan", Map.of(
        "services", List.of(Map.of("type", "COACHING", "hours", 6, "cost", new BigDecimal("300"))),
        "courses", List.of(Map.of("code", "GRW-01", "title", "Carrellista", "plannedHours", 10,
            "startDate", today.minusDays(10).toString(),
            "endDate", (ended ? today.minusDays(1) : today.plusDays(30)).toString())),
        "internshipPlanned", false, "indemnityCap", new BigDecimal("1000"))));
    complete(operator, pathway, "Task_DraftPlan", Map.of("planSubmitted", true));
    complete(cpi, pathway, "Task_ApprovePlan", Map.of("planApproved", true));
    complete(operator, pathway, "Task_RecordSignature", Map.of("signedOn", today.toString()));
    ok(operator.post("/api/pathways/" + pathway + "/attendance", Map.of("courseCode", "GRW-01",
        "date", today.minusDays(ended ? 1 : 0).toString(), "hours", new BigDecimal("8"))));
    if (ended) {
      List<Job> timers = new ArrayList<>();
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway).list().forEach(instance ->
          timers.addAll(managementService.createJobQuery().processInstanceId(instance.getId())
              .activityId("Timer_CourseEnded").list()));
      if (timers.size() != 1) {
        throw new IllegalStateException("Pathway " + pathway + ": " + timers.size() + " course-end timers");
      }
      managementService.executeJob(timers.get(0).getId()); // as the job executor would
    }
    if (kind == Kind.WITHDRAWN) {
      ok(lab.post("/api/pathways/" + pathway + "/withdrawal", Map.of("reason", "PERSONAL", "date",
          today.toString())));
    }
    return checked(pathway, kind);
  }

  private String checked(String pathway, Kind kind) {
    String[] state = jdbc.sql("select stage, status from pathway where id = ?").param(UUID.fromString(pathway))
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    boolean closed = "CLOSED".equals(state[1]);
    boolean shouldClose = kind == Kind.INELIGIBLE || kind == Kind.UNREACHABLE || kind == Kind.WITHDRAWN;
    List<String> tasks = jdbc.sql("select t.TASK_DEF_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e "
        + "on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ = ?").param(pathway).query(String.class).list();
    if (closed != shouldClose || (kind.waitingTask != null && !tasks.contains(kind.waitingTask))) {
      throw new IllegalStateException("Template " + kind + " " + pathway + " is " + Arrays.toString(state)
          + " with tasks " + tasks);
    }
    return pathway;
  }

  private void complete(ApiClient user, String pathway, String taskKey, Map<String, Object> values) {
    JsonNode tasks = ok(user.get("/api/tasks?pathwayId=" + pathway + "&taskKey=" + taskKey)).json();
    if (tasks.size() != 1) {
      throw new IllegalStateException("Pathway " + pathway + " has " + tasks.size() + " open " + taskKey);
    }
    ok(user.post("/api/tasks/" + tasks.get(0).path("id").asText() + "/complete", Map.of("variables", values)));
  }

  private void printTemplates(PathwayCloner cloner, List<Seeded> templates) {
    line("%nRows each template wrote (copied per pathway), by table:%n%n| template | share | rows | tables |%n"
        + "|---|---:|---:|---|%n");
    for (Seeded s : templates) {
      Map<String, Integer> copiedRows = new LinkedHashMap<>(s.template().rows());
      cloner.sharedRows(s.template()).keySet().forEach(copiedRows::remove);
      line("| %s | %.1f %% | %d | %s |%n", s.template().name(), s.kind().share / 2.0,
          copiedRows.values().stream().mapToInt(Integer::intValue).sum(), PathwayCloner.describe(copiedRows));
    }
    Map<String, Integer> shared = new LinkedHashMap<>();
    templates.forEach(s -> cloner.sharedRows(s.template()).forEach((t, n) -> shared.merge(t, n, Integer::sum)));
    line("%nNew rows holding no id of a template (not copied): %s%n", shared.isEmpty() ? "none"
        : PathwayCloner.describe(shared));
  }

  // ---- faithfulness of the copies

  private void checkCopies(PathwayCloner cloner, List<Seeded> templates) {
    int g = 1;
    line("%n### Are the copies faithful? (copy number %d of each template)%n%n", g);
    line("Rows per table: the template's rows as captured, found again by the ids of the named column, and the copy's "
        + "rows found by its ids.%n%n| template | table.column | captured | template | copy | same |%n"
        + "|---|---|---:|---:|---:|---|%n");
    int mismatches = 0;
    for (Seeded s : templates) {
      for (Map.Entry<String, long[]> e : cloner.rowsOfTemplateAndCopy(s.template(), g).entrySet()) {
        long[] n = e.getValue();
        boolean same = n[2] == n[1] && n[1] == n[0];
        mismatches += same ? 0 : 1;
        line("| %s | %s | %d | %d | %d | %s |%n", s.template().name(), e.getKey(), n[0], n[1], n[2],
            same ? "yes" : "**NO**");
      }
    }
    line("%nTables whose counts differ: %d.%n%n", mismatches);
    line("The API's answers for the copy and its template, ids, times and fiscal codes masked:%n%n"
        + "| template | user | request | same answer |%n|---|---|---|---|%n");
    int differences = 0;
    for (Seeded s : templates) {
      String copy = PathwayCloner.copyOf(s.template().pathwayId(), g);
      ApiClient cpi = ApiClient.as(port, s.project().cpi(), PASSWORD);
      ApiClient auditor = ApiClient.as(port, "auditor", PASSWORD);
      List<String[]> requests = new ArrayList<>();
      requests.add(new String[] {s.project().cpi(), "/api/pathways/%s"});
      requests.add(new String[] {"auditor", "/api/pathways/%s/audit?maxResults=500"});
      if (s.kind().waitingTask != null) {
        requests.add(new String[] {userFor(s), "/api/tasks?pathwayId=%s"});
      }
      for (String[] r : requests) {
        ApiClient client = r[0].equals("auditor") ? auditor : r[0].equals(s.project().cpi()) ? cpi
            : ApiClient.as(port, r[0], PASSWORD);
        ApiClient.Response a = client.get(r[1].formatted(s.template().pathwayId()));
        ApiClient.Response b = client.get(r[1].formatted(copy));
        boolean same = a.status() == 200 && b.status() == 200 && mask(a.body()).equals(mask(b.body()));
        if (!same) {
          differences++;
          line("| %s | %s | %s | **NO**: %d %s / %d %s |%n", s.template().name(), r[0], r[1], a.status(),
              abbreviate(mask(a.body())), b.status(), abbreviate(mask(b.body())));
        } else {
          line("| %s | %s | %s | yes (%d bytes) |%n", s.template().name(), r[0], r[1], b.body().length());
        }
      }
    }
    line("%nAnswers that differ: %d.%n%n", differences);
    line("Copied tasks completed through the API (copy number 2):%n%n");
    for (Seeded s : templates) {
      String copy = PathwayCloner.copyOf(s.template().pathwayId(), 2);
      Map<String, Object> values;
      String next;
      ApiClient nextUser;
      switch (s.kind()) {
        case INTAKE_INTERVIEW -> {
          values = IntakeAnswers.eligible();
          next = "Task_AssignOperator";
          nextUser = ApiClient.as(port, s.project().cpi(), PASSWORD);
        }
        case VERIFY_ELIGIBILITY -> {
          values = Map.of("verificationOutcome", "ELIGIBLE");
          next = "Task_AssignOperator";
          nextUser = ApiClient.as(port, s.project().cpi(), PASSWORD);
        }
        case FIRST_APPOINTMENT -> {
          values = Map.of("appointmentDate", today.toString());
          next = "Task_SkillsAssessment";
          nextUser = ApiClient.as(port, s.project().operator(), PASSWORD);
        }
        default -> {
          continue;
        }
      }
      ApiClient user = ApiClient.as(port, userFor(s), PASSWORD);
      String outcome;
      try {
        complete(user, copy, s.kind().waitingTask, values);
        JsonNode after = ok(nextUser.get("/api/tasks?pathwayId=" + copy + "&taskKey=" + next)).json();
        outcome = after.size() == 1 ? "completed; " + next + " now in the list of its role" : "completed, but "
            + after.size() + " " + next;
      } catch (RuntimeException e) {
        outcome = "**FAILED**: " + abbreviate(String.valueOf(e.getMessage()));
      }
      line("- %s, copy %s, %s: %s%n", s.template().name(), copy, s.kind().waitingTask, outcome);
    }
  }

  private static String userFor(Seeded s) {
    return switch (s.kind()) {
      case CALL_BACK, INTAKE_INTERVIEW -> s.project().lab();
      case VERIFY_ELIGIBILITY, ASSIGN_OPERATOR -> s.project().cpi();
      default -> s.project().operator();
    };
  }

  private static String mask(String body) {
    return body.replaceAll(PathwayCloner.UUID_PATTERN.pattern(), "<id>")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?", "<time>")
        .replaceAll("\"[A-Z0-9]{16}\"", "\"<code>\"")
        // a copy moved back in time may be overdue where its template is not
        .replaceAll("\"overdue\":(true|false)", "\"overdue\":<overdue>")
        .replaceAll("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"<hash>\"")
        .replaceAll("\"previousHash\":\"[0-9a-f]+\"", "\"previousHash\":\"<hash>\"");
  }

  private static String abbreviate(String text) {
    String one = text.replace('\n', ' ').replace('|', '/');
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  // ---- latencies

  private void measure(int size, List<Seeded> templates, Map<String, Row> rows) {
    for (Project project : PROJECTS) {
      for (String user : List.of(project.lab(), project.cpi(), project.operator())) {
        ApiClient client = ApiClient.as(port, user, PASSWORD);
        add(rows, "task list GET /api/tasks (first page)", user, size,
            measure(client, "/api/tasks", r -> r.json().size()));
        statementTimes(user, size, client);
      }
    }
    Seeded placement = templates.stream().filter(s -> s.kind() == Kind.PLACEMENT).findFirst().orElseThrow();
    Seeded withdrawn = templates.stream().filter(s -> s.kind() == Kind.WITHDRAWN).findFirst().orElseThrow();
    // the last copy made at the first size: the same pathway at every size
    int g = (int) Math.round((double) SIZES.get(0) * Kind.PLACEMENT.share / 100 / PROJECTS.size()) - 1;
    int w = (int) Math.round((double) SIZES.get(0) * Kind.WITHDRAWN.share / 100 / PROJECTS.size()) - 1;
    String open = PathwayCloner.copyOf(placement.template().pathwayId(), g);
    String closed = PathwayCloner.copyOf(withdrawn.template().pathwayId(), w);
    ApiClient cpi = ApiClient.as(port, placement.project().cpi(), PASSWORD);
    ApiClient auditor = ApiClient.as(port, "auditor", PASSWORD);
    add(rows, "pathway view GET /api/pathways/{id}, in placement", placement.project().cpi(), size,
        measure(cpi, "/api/pathways/" + open, r -> 1));
    add(rows, "pathway view GET /api/pathways/{id}, withdrawn", placement.project().cpi(), size,
        measure(cpi, "/api/pathways/" + closed, r -> 1));
    add(rows, "audit trail GET /api/pathways/{id}/audit, in placement", "auditor", size,
        measure(auditor, "/api/pathways/" + open + "/audit?maxResults=500", r -> r.json().size()));
    add(rows, "audit trail GET /api/pathways/{id}/audit, withdrawn", "auditor", size,
        measure(auditor, "/api/pathways/" + closed + "/audit?maxResults=500", r -> r.json().size()));
    // as auditors read: another pathway at each request, most of them never read before (their pages not cached)
    int copies = (int) Math.round((double) size * Kind.WITHDRAWN.share / 100 / PROJECTS.size()) - 1;
    java.util.Random random = new java.util.Random(size);
    add(rows, "audit trail GET /api/pathways/{id}/audit, withdrawn, another pathway at each request", "auditor", size,
        measure(auditor, () -> "/api/pathways/" + PathwayCloner.copyOf(withdrawn.template().pathwayId(),
            1 + random.nextInt(copies)) + "/audit?maxResults=500", r -> r.json().size()));
    explainAuditTrail(size, auditor, withdrawn, open, copies, random);
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the audit trail's statements: as the request ran them (the pathway's pages just
   * read), and the same statements for a copy nobody has read since it was written (its pages from the OS or the disk):
   * PostgreSQL's time and its shared buffers hit and read, per size.
   */
  private void explainAuditTrail(int size, ApiClient auditor, Seeded withdrawn, String open, int copies,
      java.util.Random random) {
    String path = "/api/pathways/" + open + "/audit?maxResults=500";
    List<String> statements = DatabaseCounters.capture(sql -> sql.contains("audit_event"), () -> ok(auditor.get(path)));
    String unread = PathwayCloner.copyOf(withdrawn.template().pathwayId(), 1 + random.nextInt(copies));
    for (String label : List.of("as just read", "never read")) {
      double ms = 0;
      long hit = 0;
      long read = 0;
      for (String sql : statements) {
        String text = explain(label.equals("never read") ? sql.replace(open, unread) : sql);
        ms += executionMs(text);
        java.util.regex.Matcher buffers = java.util.regex.Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?")
            .matcher(text);
        if (buffers.find()) {
          hit += buffers.group(1) == null ? 0 : Long.parseLong(buffers.group(1));
          read += buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2));
        }
      }
      auditPlans.computeIfAbsent("audit trail, " + label + " (" + statements.size() + " statements)",
          k -> new LinkedHashMap<>()).put(size, String.format("%.2f ms, hit %,d, read %,d", ms, hit, read));
    }
  }

  private static Latencies.Sample measure(ApiClient client, String path,
      java.util.function.ToLongFunction<ApiClient.Response> items) {
    return measure(client, () -> path, items);
  }

  private static Latencies.Sample measure(ApiClient client, java.util.function.Supplier<String> path,
      java.util.function.ToLongFunction<ApiClient.Response> items) {
    ApiClient.Response[] last = new ApiClient.Response[1];
    Latencies.Sample sample = Latencies.Sample.measure(WARM_UP, REQUESTS, 0, () -> last[0] = client.get(path.get()),
        response -> response.status() == 200);
    return new Latencies.Sample(sample.requests(), sample.p50Ms(), sample.p95Ms(), items.applyAsLong(last[0]),
        sample.statementsPerRequest(), sample.transactionsPerRequest());
  }

  private static void add(Map<String, Row> rows, String measure, String user, int size, Latencies.Sample sample) {
    rows.computeIfAbsent(measure + "|" + user, k -> new Row(measure, user, new LinkedHashMap<>()))
        .bySize().put(size, sample);
  }

  private void printLatencies(Map<String, Row> rows) {
    int first = SIZES.get(0);
    int last = SIZES.get(SIZES.size() - 1);
    line("%n## Latency over real HTTP (ms; %d requests after %d to warm up; items = tasks on the page, events)%n%n",
        REQUESTS, WARM_UP);
    StringBuilder header = new StringBuilder("| measure | user |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (int size : SIZES) {
      header.append(String.format(" p50 @%,d | p95 @%,d | items | stmts/req |", size, size));
      rule.append("---:|---:|---:|---:|");
    }
    line("%s p95 %,d / %,d | verdict (< %.0f×) |%n%s---:|---|%n", header, last, first, GOAL_RATIO, rule);
    for (Row row : rows.values()) {
      StringBuilder out = new StringBuilder("| " + row.measure() + " | " + row.user() + " |");
      for (int size : SIZES) {
        Latencies.Sample s = row.bySize().get(size);
        out.append(s == null ? " - | - | - | - |" : String.format(" %.1f | %.1f | %d | %.1f |", s.p50Ms(), s.p95Ms(),
            s.items(), s.statementsPerRequest()));
      }
      Latencies.Sample a = row.bySize().get(first);
      Latencies.Sample b = row.bySize().get(last);
      double ratio = b.p95Ms() / a.p95Ms();
      line("%s %.2f | %s |%n", out, ratio, SIZES.size() < 2 ? "-" : ratio < GOAL_RATIO ? "PASS" : "FAIL");
    }
  }

  // ---- plans of the task list

  private void explainTaskLists(int size, Map<String, Map<Integer, Double>> plans) {
    StringBuilder full = new StringBuilder();
    for (Project project : PROJECTS) {
      for (String user : List.of(project.lab(), project.cpi(), project.operator())) {
        ApiClient client = ApiClient.as(port, user, PASSWORD);
        ok(client.get("/api/tasks"));
        List<String> statements = DatabaseCounters.capture(sql -> sql.contains("from ACT_RU_TASK t join ACT_RU_EXECUTION"),
            () -> ok(client.get("/api/tasks")));
        double total = 0;
        for (String sql : statements) {
          String text = explain(sql);
          total += executionMs(text);
          if (user.equals(project.operator()) || user.equals(project.lab())) {
            full.append("-- ").append(user).append('\n').append(text).append("\n\n");
          }
        }
        plans.computeIfAbsent(user + " (" + statements.size() + " statements)", k -> new LinkedHashMap<>())
            .put(size, total);
      }
    }
    if (size == SIZES.get(SIZES.size() - 1)) {
      line("%nPlans of the task list at %,d (labs and operators):%n%n```%n%s```%n", size, full);
    }
  }

  /** Per user and statement (its first words), the mean time in the driver per task-list request, by size. */
  private final Map<String, Map<String, Map<Integer, Double>>> listStatements = new LinkedHashMap<>();

  /**
   * Where a task list's time goes in SQL: {@code REQUESTS} more requests of the user's list with every statement timed
   * in the driver (as the application ran it: prepared, with its plan), grouped by the statement's first words.
   */
  private void statementTimes(String user, int size, ApiClient client) {
    List<DatabaseCounters.Timed> timed = DatabaseCounters.captureTimed(() -> {
      for (int i = 0; i < REQUESTS; i++) {
        ok(client.get("/api/tasks"));
      }
    });
    Map<String, Map<Integer, Double>> byStatement = listStatements.computeIfAbsent(user, k -> new LinkedHashMap<>());
    for (DatabaseCounters.Timed t : timed) {
      String words = t.sql().replaceAll("\\s+", " ").trim();
      int where = words.indexOf(" where ");
      String key = words.substring(0, Math.min(50, words.length()))
          + (where < 0 ? "" : " … " + words.substring(where, Math.min(where + 60, words.length())));
      byStatement.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(size, t.nanos() / 1e6 / REQUESTS, Double::sum);
    }
  }

  private void printListStatements() {
    line("%n## The task list's statements as the application ran them (driver time, ms per request, mean of %d)%n%n"
        + "| user | statement |", REQUESTS);
    SIZES.forEach(s -> line(" @%,d |", s));
    line(" ratio |%n|---|---|%s---:|%n", "---:|".repeat(SIZES.size()));
    listStatements.forEach((user, byStatement) -> byStatement.forEach((sql, bySize) -> {
      line("| %s | `%s` |", user, sql.replace("|", "/"));
      SIZES.forEach(s -> line(" %.2f |", bySize.getOrDefault(s, 0.0)));
      line(" %.2f |%n", bySize.getOrDefault(SIZES.get(SIZES.size() - 1), 0.0)
          / bySize.getOrDefault(SIZES.get(0), Double.NaN));
    }));
  }

  /** A statement's plan as PostgreSQL runs it, with its times and buffers. */
  private String explain(String sql) {
    return String.join("\n", jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list());
  }

  /** The execution time a plan of {@link #explain} reports, ms (NaN if none). */
  private static double executionMs(String plan) {
    java.util.regex.Matcher time = java.util.regex.Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
    return time.find() ? Double.parseDouble(time.group(1)) : Double.NaN;
  }

  /** The audit trail's statements under EXPLAIN (ANALYZE, BUFFERS), by case and size. */
  private final Map<String, Map<Integer, String>> auditPlans = new LinkedHashMap<>();

  private void printAuditPlans() {
    line("%n## PostgreSQL's time and shared buffers for the audit trail's statements (EXPLAIN (ANALYZE, BUFFERS), "
        + "pathway in placement; 'never read': a withdrawn copy not read since it was written)%n%n| case |");
    SIZES.forEach(s -> line(" @%,d |", s));
    line("%n|---|%s%n", "---|".repeat(SIZES.size()));
    auditPlans.forEach((label, bySize) -> {
      line("| %s |", label);
      SIZES.forEach(s -> line(" %s |", bySize.getOrDefault(s, "-")));
      line("%n");
    });
  }

  private void printPlans(Map<String, Map<Integer, Double>> plans) {
    line("%n## PostgreSQL's time for the task list's statements (EXPLAIN ANALYZE, ms, summed per request)%n%n| user |");
    SIZES.forEach(s -> line(" @%,d |", s));
    line(" ratio |%n|---|%s---:|%n", "---:|".repeat(SIZES.size()));
    plans.forEach((user, bySize) -> {
      line("| %s |", user);
      SIZES.forEach(s -> line(" %.2f |", bySize.getOrDefault(s, Double.NaN)));
      line(" %.2f |%n", bySize.get(SIZES.get(SIZES.size() - 1)) / bySize.get(SIZES.get(0)));
    });
  }

  // ---- helpers

  private String largestTables() {
    return String.join(", ", jdbc.sql("""
            select c.relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)) || ' (' || c.reltuples::bigint || ' rows)'
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and n.nspname = current_schema() and c.relname not like 'bench%'
            order by pg_total_relation_size(c.oid) desc limit 12""").query(String.class).list());
  }

  private String byStatus() {
    return jdbc.sql("select status || ' ' || count(*) from pathway group by status order by status")
        .query(String.class).list().toString();
  }

  private String openTasks() {
    return jdbc.sql("select TASK_DEF_KEY_ || ' ' || count(*) from ACT_RU_TASK group by TASK_DEF_KEY_ order by 1")
        .query(String.class).list().toString();
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
    report.append(text);
  }

  private void writeReport() throws IOException {
    Path file = Path.of(System.getProperty("benchmark.growth.report", "target/benchmark/growth-benchmark.md"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("Report written to " + file.toAbsolutePath());
  }
}
