package org.erplab.pathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;
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
 * Benchmark of issue 10's goal for the committee's indicators: {@code GET /api/reports/indicators} for one project over
 * one year comes back in under 2 s (p95) in a database of 1,000,000 pathways, and its p95 there is under 5 times its
 * p95 at 100,000 (not a test: run it with {@code ./mvnw -Pbenchmark -Dbenchmark=IndicatorsBenchmark test}, see README
 * "Benchmarks").
 *
 * <p>The whole application on embedded PostgreSQL ({@code test} profile). Pathways, people, profiles, disadvantages,
 * plans, attendance and lab visits are seeded in SQL by {@link SqlPathwaySeeder} at seed 004's proportions, over five
 * years (2022 to November 2026), and the measured request is one project's year, as the committee asks: LORENTEGGIO's
 * 2025. The first size is spread evenly over {@code benchmark.indicators.projects} projects (default 20: 5,000 pathways
 * each of 100,000). How the database grows after that ({@code benchmark.indicators.growth}):
 * <ul>
 *   <li>{@code projects} (default): by new projects of the same size (1,000,000 pathways: 200 projects of 5,000, and
 *       LORENTEGGIO still 5,000). A project is a neighbourhood's lab (the evaluation counted 830 participants in all
 *       its projects; Lorenteggio's lab 267 people): a database grows by projects and years, and what the goal guards
 *       is that a project's report reads its own project and year, not the rest of the database;
 *   <li>{@code pathways}: the same projects, each as much larger as the database (LORENTEGGIO 50,000 of 1,000,000):
 *       the hard case, where the people the report counts grow as much as the data (an exact count of distinct people
 *       reads each of them: the time grows with them).
 * </ul>
 *
 * <p>After each size, and VACUUM ANALYZE (as autovacuum would): p50 and p95 over real HTTP (Basic, as the auditor), the
 * statements per request, the report's head figures (to check the proportions), and EXPLAIN ANALYZE of every statement
 * one request ran. The machine is shared: read the ratio, not the times. The report is also written to
 * {@code target/benchmark/indicators-benchmark.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(DatabaseCounters.Config.class)
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class IndicatorsBenchmark {

  static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.indicators.sizes", "100000,1000000")
      .split(",")).map(String::trim).map(Integer::parseInt).toList();
  static final int PROJECTS = Integer.getInteger("benchmark.indicators.projects", 20);
  static final boolean NEW_PROJECTS = !"pathways".equals(System.getProperty("benchmark.indicators.growth", "projects"));
  static final int REQUESTS = Integer.getInteger("benchmark.requests", 20);
  static final int WARM_UP = 3;
  static final int BATCH = 50_000;
  static final double GOAL_P95_MS = 2000;
  static final double GOAL_RATIO = 5;
  static final String PROJECT = "LORENTEGGIO";
  static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
  static final int DAYS = 1795; // to 30 November 2026
  static final String PATH = "/api/reports/indicators?project=" + PROJECT + "&from=2025-01-01&to=2025-12-31";
  /** Every project's 2025 together: the committee's overall annual report, a draft computed on each request. */
  static final String ALL_PATH = "/api/reports/annual?year=2025";
  static final int ALL_REQUESTS = Integer.getInteger("benchmark.indicators.allRequests", 5);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  private final StringBuilder report = new StringBuilder();

  record Row(int size, long projectPathways, Latencies.Sample sample, Latencies.Sample all, String figures) {}

  @Test
  void indicatorsAtScale() throws IOException {
    List<String> projects = new ArrayList<>(List.of(PROJECT, "BOLLATE"));
    line("# Committee indicators of one project and year at scale (%s, %d cores)%n%n",
        java.time.LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors());
    line("Pathways spread evenly over %,d days from %s, the first size over %d projects, then grown by %s; measured: "
        + "`GET %s`, as the auditor, %d requests after %d to warm up.%n", DAYS, FIRST_DAY, PROJECTS,
        NEW_PROJECTS ? "new projects of the same size" : "more pathways in the same projects", PATH, REQUESTS, WARM_UP);
    ApiClient auditor = ApiClient.as(port, "auditor", "demo");
    List<Row> rows = new ArrayList<>();
    int seeded = 0;
    for (int size : SIZES) {
      long started = System.nanoTime();
      // the projects of this step's pathways: the first PROJECTS, then new ones of the same size or the same ones
      int stepProjects = seeded == 0 || !NEW_PROJECTS ? PROJECTS
          : (int) Math.max(1, Math.round((double) (size - seeded) * PROJECTS / SIZES.get(0)));
      List<String> step = new ArrayList<>();
      int firstProject = seeded == 0 || !NEW_PROJECTS ? 1 : projects.size() + 1;
      for (int i = firstProject; i < firstProject + stepProjects; i++) {
        String code = i == 1 ? PROJECT : i == 2 ? "BOLLATE" : String.format("BENCH%03d", i);
        step.add(code);
        if (!projects.contains(code)) {
          projects.add(code);
        }
      }
      SqlPathwaySeeder seeder = new SqlPathwaySeeder(jdbc, step, FIRST_DAY, DAYS);
      seeder.createProjects();
      serveAll(step);
      for (int low = seeded + 1; low <= size; low += BATCH) {
        int high = Math.min(size, low + BATCH - 1);
        seeder.pathways(low, high);
        seeder.facts();
        System.out.printf("  seeded %,d of %,d pathways (%.0f s)%n", high, size, (System.nanoTime() - started) / 1e9);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      seeder.dropStaging();
      jdbc.sql("vacuum analyze").update();
      line("%n## %,d pathways in %,d projects%n%nSeeded in %.1f s (%,.0f pathways/s). Rows:%n%n", size,
          projects.size(), seconds, (size - seeded) / seconds);
      seeded = size;
      line("| table | rows | of %s |%n|---|---:|---:|%n", PROJECT);
      for (String table : List.of("pathway", "pathway_profile", "pathway_disadvantage", "plan_version",
          "attendance_entry", "lab_visit", "lab_signal")) {
        String ofProject = table.equals("pathway_disadvantage")
            ? "pathway_id in (select id from pathway where project_code = '" + PROJECT + "')"
            : "project_code = '" + PROJECT + "'";
        line("| %s | %,d | %,d |%n", table, count("select count(*) from " + table),
            count("select count(*) from " + table + " where " + ofProject));
      }
      line("%nOf %s's pathways: %.1f %% with a signed plan, %.1f %% closed, %.1f %% with no disadvantage recorded.%n",
            PROJECT, percent("""
                select count(*) filter (where exists (select 1 from plan_version v where v.pathway_id = p.id)),
                       count(*) from pathway p where project_code = ?"""),
            percent("""
                select count(*) filter (where closed_at is not null), count(*) from pathway where project_code = ?"""),
            percent("""
                select count(*) filter (where not exists (select 1 from pathway_disadvantage d
                                                           where d.pathway_id = p.id)),
                       count(*) from pathway p where project_code = ?"""));
      line("Of all the foreign participants seeded, by area of origin: %s.%n", jdbc.sql("""
              select origin_area, 100.0 * count(*) / sum(count(*)) over () from pathway_profile
              where origin_area not in ('IT', 'UNKNOWN') group by origin_area order by 2 desc""")
          .query((rs, i) -> String.format("%s %.1f %%", rs.getString(1), rs.getDouble(2))).list());
      Latencies.Sample sample = measure(auditor);
      String figures = figures(auditor.get(PATH).json());
      Latencies.Sample all = Latencies.Sample.measure(1, ALL_REQUESTS, 1, () -> auditor.get(ALL_PATH),
          response -> response.status() == 200 && response.json().path("indicators").path("figures").size() > 0);
      rows.add(new Row(size, count("select count(*) from pathway where project_code = '" + PROJECT + "'"), sample,
          all, figures));
      line("%nThe report's figures: %s%n", figures);
      line("%nStatements of one request, as PostgreSQL ran them (EXPLAIN ANALYZE):%n%n%s", plans(auditor, PATH));
      line("%nStatements of every project's annual draft (EXPLAIN ANALYZE):%n%n%s", plans(auditor, ALL_PATH));
    }
    line("%n## Latency (ms, over real HTTP)%n%n| pathways | of %s | p50 | p95 | statements/request | all projects "
        + "(`%s`, %d requests) p50 | p95 |%n|---:|---:|---:|---:|---:|---:|---:|%n", PROJECT, ALL_PATH, ALL_REQUESTS);
    rows.forEach(r -> line("| %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", r.size(), r.projectPathways(),
        r.sample().p50Ms(), r.sample().p95Ms(), r.sample().statementsPerRequest(), r.all().p50Ms(), r.all().p95Ms()));
    Row first = rows.get(0);
    Row last = rows.get(rows.size() - 1);
    double ratio = last.sample().p95Ms() / first.sample().p95Ms();
    boolean projectPasses = last.sample().p95Ms() < GOAL_P95_MS && ratio < GOAL_RATIO;
    double allRatio = last.all().p95Ms() / first.all().p95Ms();
    boolean allPasses = last.all().p95Ms() < GOAL_P95_MS && allRatio < GOAL_RATIO;
    boolean passes = projectPasses && allPasses;
    line("%n## Verdict (goal: p95 at %,d under %.0f ms, p95(%,d) / p95(%,d) under %.0f)%n%n"
            + "One project: ratio %.2f, p95 %.1f ms: %s%n%n"
            + "All projects together: ratio %.2f, p95 %.1f ms: %s%n", last.size(), GOAL_P95_MS, last.size(),
        first.size(), GOAL_RATIO, ratio, last.sample().p95Ms(), projectPasses ? "PASS" : "FAIL", allRatio,
        last.all().p95Ms(), allPasses ? "PASS" : "FAIL");
    Path out = Path.of(System.getProperty("benchmark.indicators.report",
        "target/benchmark/indicators-benchmark.md"));
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    if (!passes) {
      throw new AssertionError(String.format("Indicators at %,d pathways: p95 %.1f ms one project, %.1f ms all "
          + "projects (goal < %.0f), ratios %.2f and %.2f to %,d (goal < %.0f); see %s", last.size(),
          last.sample().p95Ms(), last.all().p95Ms(), GOAL_P95_MS, ratio, allRatio, first.size(), GOAL_RATIO, out));
    }
  }

  /** The auditor serves the new projects too (a tenant each, as a project's set-up makes), to read them all. */
  private void serveAll(List<String> codes) {
    for (String code : codes) {
      if (identity.createTenantQuery().tenantId(code).count() == 0) {
        identity.saveTenant(identity.newTenant(code));
      }
      if (identity.createTenantQuery().tenantId(code).userMember("auditor").count() == 0) {
        identity.createTenantUserMembership(code, "auditor");
      }
    }
  }

  private Latencies.Sample measure(ApiClient client) {
    return Latencies.Sample.measure(WARM_UP, REQUESTS, 1, () -> client.get(PATH),
        response -> response.status() == 200 && response.json().path("figures").size() > 0);
  }

  /** The head figures, shown as the committee reads them. */
  private static String figures(JsonNode report) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (JsonNode figure : report.path("figures")) {
      shown.put(figure.path("key").asText(), figure.path("value").path("shown").asText());
    }
    return shown.toString();
  }

  /** EXPLAIN ANALYZE of each statement one request ran on our tables: its execution time and plan. */
  private String plans(ApiClient client, String path) {
    List<String> statements = DatabaseCounters.capture(
        sql -> sql.contains("pathway") && !sql.toLowerCase().contains("act_"), () -> client.get(path));
    StringBuilder out = new StringBuilder();
    double total = 0;
    Pattern time = Pattern.compile("Execution Time: ([0-9.]+) ms");
    for (int i = 0; i < statements.size(); i++) {
      String plan = String.join("\n", jdbc.sql("explain (analyze, buffers) " + statements.get(i)).query(String.class)
          .list());
      Matcher m = time.matcher(plan);
      double ms = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
      total += ms;
      out.append(String.format("Statement %d: %.1f ms%n%n```%n%s%n```%n%n", i + 1, ms, plan));
    }
    return String.format("%d statements, %.1f ms in PostgreSQL together.%n%n", statements.size(), total) + out;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private double percent(String sql) {
    return jdbc.sql(sql).param(PROJECT).query((rs, i) -> 100.0 * rs.getLong(1) / Math.max(1, rs.getLong(2))).single();
  }

  private void line(String format, Object... args) {
    report.append(String.format(format, args));
  }
}
