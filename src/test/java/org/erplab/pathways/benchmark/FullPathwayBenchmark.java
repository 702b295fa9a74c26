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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.CamundaIdentityAuthenticationProvider;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.worklist.process.Worklist;
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
 * Issues 7 and 11's benchmark (not a test: run it with {@code ./mvnw -Pbenchmark -Dbenchmark=FullPathwayBenchmark
 * test}): pathway steps, completing a user task until the next one is ready, over full pathways (intake to the end of
 * training, every user task), in the same run and on the same PostgreSQL server
 * <ul>
 *   <li>through our API over HTTP, as the lab, the CPI and the operator would: create; for each of the 7 user tasks
 *       find it in the caller's task list ({@code GET /api/tasks?pathwayId=…&taskKey=…}) unless the caller's last
 *       completion in the pathway already named it, and complete it (the completion claims it, and, asked with
 *       {@code Prefer: return=representation}, answers with the caller's open tasks in the pathway); the plan ({@code PUT .../plan}) before its draft task, one attendance line before the
 *       course ends;
 *   <li>through our own code in-process: the API's pathway with each step run by the code its controllers call
 *       ({@code Worklist.myTasks}, {@code Worklist.complete} with the next tasks, as the user, with the engine's
 *       authentication set as the door sets it), so that API / in-process is what the door costs (HTTP, JSON, Spring
 *       Security, the controllers) and in-process / bare what our rules and records cost;
 *   <li>through bare Camunda's Java API ({@link BareEngine}: same models, history FULL, its own database of the same
 *       server, no plugin or table of ours): start; per task query by business key and complete;
 *   <li>against the database's own commit ceiling ({@link DatabaseCeiling}: pgbench's TPC-B-like transaction, by
 *       pgbench when it is installed, else by a JDBC loop), on a third database of the same server;
 * </ul>
 * both pathways up to the placement's first task (no internship planned), after {@code -Dbenchmark.warmUp=60}
 * pathways each way (the JIT compiler needs them: with 3, the API's JVM still spent half its CPU compiling), at 1, 2,
 * 4 and 8 concurrent clients ({@code -Dbenchmark.clients=1,2,4,8}, {@code -Dbenchmark.pathways=8} per client; the
 * ceiling {@code -Dbenchmark.ceilingSeconds=10} per client count). The course ends before the plan is signed, so its
 * timer is due at once; it is executed through the engine's Java API in both. Printed:
 * <ul>
 *   <li>per client count: pathways/s and steps/s (a step: find the task, complete it; per second of the clients' time
 *       spent in steps) of the API and of bare Camunda, the ceiling's TPS, the ratio API/bare per step against issue
 *       11's goal (at least 0.8, PASS/FAIL; it never fails the build), the ratios of steps/s to the ceiling's TPS;
 *   <li>per completed task: statements and transactions (the JDBC wrapper of {@link DatabaseCounters}), the time, the
 *       CPU the JVM and the PostgreSQL server used;
 *   <li>where the time goes ({@link Split}): the engine's own code, the code it calls out to (listeners, delegates,
 *       expressions, history handler), SQL and commits inside and outside engine commands, and the rest (in the API
 *       our code outside the engine, HTTP, JSON, Spring Security), timed by {@link EngineTimings} and
 *       {@link DatabaseCounters}: per completed task at each client count, per step with one client
 *       ({@code -Dbenchmark.stepPathways=5} pathways each way), per request of the API pathway and per call of the bare
 *       one;
 *   <li>one pathway each way, its statements grouped by table ({@code -Dbenchmark.sql=true} adds the SQL of one claim
 *       and one completion).
 * </ul>
 * Also written to {@code <build directory>/benchmark/full-pathway-benchmark.md} ({@code -DbuildDir}; or
 * {@code -Dbenchmark.fullPathway.report}). The machine is shared: read ratios.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import({DatabaseCounters.Config.class, EngineTimings.Config.class})
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class FullPathwayBenchmark {

  static final List<Integer> CLIENTS = Arrays.stream(System.getProperty("benchmark.clients", "1,2,4,8").split(","))
      .map(String::trim).map(Integer::parseInt).toList();
  static final int CEILING_SECONDS = Integer.getInteger("benchmark.ceilingSeconds", 10);
  /** Issue 11's goal: the API's steps per second at least this share of bare Camunda's. */
  static final double GOAL = 0.8;
  static final int PATHWAYS_PER_CLIENT = Integer.getInteger("benchmark.pathways", 8);
  /** Each client count's pathways in this many rounds, alternating the sides (at most the pathways per client). */
  static final int ROUNDS = Math.max(1, Math.min(PATHWAYS_PER_CLIENT, Integer.getInteger("benchmark.rounds", 4)));
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
  @Autowired Worklist worklist;
  @Autowired CamundaIdentityAuthenticationProvider users;
  @Autowired IdentityService identityService;

  private final StringBuilder report = new StringBuilder();
  private final AtomicInteger people = new AtomicInteger(2_000_000);
  private ProcessEngine bare;
  private final LocalDate today = EngineClock.today();

  @Test
  void fullPathwaysThroughTheApiAndThroughBareCamunda() throws Exception {
    bare = BareEngine.start(10, ds -> (DataSource) DatabaseCounters.Config.countingDataSource()
        .postProcessAfterInitialization(ds, "bare"));
    try {
      DatabaseCeiling ceiling = DatabaseCeiling.prepare(CLIENTS.stream().mapToInt(Integer::intValue).max()
          .orElse(1), CEILING_SECONDS);
      line("# Pathway steps: our API vs bare Camunda vs the database's ceiling (%s, %d cores)%n%n",
          java.time.LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors());
      line("Per pathway: %d user tasks (%s), the plan, one attendance line, the course-end timer. A step: find the "
          + "task and complete it (the next task is then open). %d pathways per client, after %d to warm up each "
          + "way; at each number of clients in %d rounds, API then bare, bare then API, ..., the ceiling halfway. "
          + "Server: %s. Ceiling: %s.%n%n", TASKS, String.join(", ", BareEngine.userTasks()),
          PATHWAYS_PER_CLIENT, WARM_UP, ROUNDS, DatabaseCeiling.serverSettings(), ceiling.method());
      for (int i = 0; i < WARM_UP; i++) {
        apiPathway();
        inProcessPathway();
        barePathway();
      }
      List<Run[]> runs = new ArrayList<>();
      List<Double> ceilings = new ArrayList<>();
      for (int clients : CLIENTS) {
        // in rounds, API then bare, bare then API, ..., the ceiling halfway: a load that drifts (the machine is
        // shared) falls on both sides alike
        // [0] the API, [1] bare Camunda, [2] our code in-process
        Run[] sides = new Run[3];
        List<Runnable> pathwaysBySide = List.of(this::apiPathway, this::barePathway, this::inProcessPathway);
        double tps = 0;
        for (int round = 0; round < ROUNDS; round++) {
          int pathways = PATHWAYS_PER_CLIENT / ROUNDS + (round < PATHWAYS_PER_CLIENT % ROUNDS ? 1 : 0);
          if (round == ROUNDS / 2) {
            tps = ceiling.transactionsPerSecond(clients);
          }
          for (int turn = 0; turn < sides.length; turn++) {
            int side = (round + turn) % sides.length;
            Run part = run(clients, pathways, pathwaysBySide.get(side));
            sides[side] = sides[side] == null ? part : sides[side].plus(part);
          }
        }
        runs.add(sides);
        ceilings.add(tps);
        System.out.printf("[%d clients: API %.1f steps/s, in-process %.1f, bare %.1f steps/s, ceiling %.0f TPS]%n",
            clients, sides[0].stepsPerSecond(), sides[2].stepsPerSecond(), sides[1].stepsPerSecond(), tps);
      }
      line("## Throughput%n%n| clients | API pathways/s | API steps/s | bare pathways/s | bare steps/s "
          + "| ceiling TPS | API / bare per step | goal ≥ %.1f | API steps/s / ceiling TPS "
          + "| bare steps/s / ceiling TPS "
          + "| API / bare, whole pathways |%n|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|%n", GOAL);
      for (int i = 0; i < runs.size(); i++) {
        Run api = runs.get(i)[0];
        Run bareRun = runs.get(i)[1];
        double tps = ceilings.get(i);
        double ratio = api.stepsPerSecond() / bareRun.stepsPerSecond();
        line("| %d | %.2f | %.1f | %.2f | %.1f | %,.0f | **%.2f** | %s | %.4f | %.4f | %.2f |%n", api.clients(),
            api.pathwaysPerSecond(), api.stepsPerSecond(), bareRun.pathwaysPerSecond(), bareRun.stepsPerSecond(),
            tps, ratio, ratio >= GOAL ? "PASS" : "FAIL", api.stepsPerSecond() / tps, bareRun.stepsPerSecond() / tps,
            api.pathwaysPerSecond() / bareRun.pathwaysPerSecond());
      }
      line("%n### Our code in-process: the door's share and the records' share%n%n| clients | in-process steps/s "
          + "| API / in-process per step | in-process / bare per step |%n|---:|---:|---:|---:|%n");
      for (Run[] sides : runs) {
        line("| %d | %.1f | %.2f | %.2f |%n", sides[0].clients(), sides[2].stepsPerSecond(),
            sides[0].stepsPerSecond() / sides[2].stepsPerSecond(), sides[2].stepsPerSecond()
                / sides[1].stepsPerSecond());
      }
      line("%nIn-process: the same steps as the API's, by the same code (`Worklist.myTasks`, `Worklist.complete` with "
          + "its next tasks, as the user, the engine's authentication set as the door sets it, the user as the door's "
          + "login cache holds it), without HTTP, JSON, Spring Security and the controllers. API / in-process is what the "
          + "door costs; in-process / bare is what our rules and records cost (deadlines, stage, audit chain, facts, "
          + "the task's lock and claim, the form check).%n");
      line("%nSteps/s: completed user tasks per second of the clients' time spent in steps (find + complete, or query "
          + "+ complete), summed over the clients; pathways/s: whole pathways (with the creation, the plan, the "
          + "attendance line and the timer) per second of the run. Goal (issue 11): API ≥ %.1f× bare Camunda per "
          + "step.%n%n", GOAL);
      line("## Cost per completed task (whole pathway)%n%n| clients | statements per task, API / bare "
          + "| transactions per task, API / bare | ms per task, API / bare | JVM CPU ms per task, API / bare "
          + "| PostgreSQL CPU ms per task, API / bare |%n|---:|---|---|---|---|---|%n");
      for (Run[] pair : runs) {
        Run api = pair[0];
        Run bareRun = pair[1];
        line("| %d | %.0f / %.0f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%n", api.clients(),
            api.statementsPerTask(), bareRun.statementsPerTask(), api.transactionsPerTask(),
            bareRun.transactionsPerTask(), api.millisPerTask(), bareRun.millisPerTask(), api.jvmCpuMillisPerTask(),
            bareRun.jvmCpuMillisPerTask(), api.postgresCpuMillisPerTask(), bareRun.postgresCpuMillisPerTask());
      }
      line("%n## Where a completed task's time goes (whole pathway, client threads' time per task, ms)%n%n"
          + Split.HEADER);
      for (Run[] sides : runs) {
        line("%s%n%s%n%s%n", sides[0].split().row("API, " + sides[0].clients()),
            sides[2].split().row("in-process, " + sides[2].clients()),
            sides[1].split().row("bare, " + sides[1].clients()));
      }
      line("%n" + Split.LEGEND);
      profileSteps(Integer.getInteger("benchmark.stepPathways", 5));
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

  record Run(int clients, int pathways, double seconds, long clientNanos, long stepNanos,
      DatabaseCounters.Snapshot used, DatabaseCounters.Times database, EngineTimings.Snapshot engine,
      long jvmCpuNanos, long postgresCpuNanos) {
    double pathwaysPerSecond() {
      return pathways / seconds;
    }

    /** Steps per second of the time the clients spent in steps, summed over the clients. */
    double stepsPerSecond() {
      return pathways * TASKS / (stepNanos / 1e9 / clients);
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

    /** Two runs at the same number of clients as one. */
    Run plus(Run other) {
      long[] statements = new long[3];
      long[] commits = new long[3];
      for (int i = 0; i < 3; i++) {
        statements[i] = database.statementNanos()[i] + other.database.statementNanos()[i];
        commits[i] = database.commitNanos()[i] + other.database.commitNanos()[i];
      }
      return new Run(clients, pathways + other.pathways, seconds + other.seconds, clientNanos + other.clientNanos,
          stepNanos + other.stepNanos, new DatabaseCounters.Snapshot(used.statements() + other.used.statements(),
              used.transactions() + other.used.transactions()),
          new DatabaseCounters.Times(statements, commits, database.engineTableNanos()
              + other.database.engineTableNanos(), database.connectionNanos() + other.database.connectionNanos()),
          new EngineTimings.Snapshot(engine.commands() + other.engine.commands(), engine.commandNanos()
              + other.engine.commandNanos(), engine.callOuts() + other.engine.callOuts(), engine.callOutNanos()
              + other.engine.callOutNanos()),
          jvmCpuNanos + other.jvmCpuNanos, postgresCpuNanos + other.postgresCpuNanos);
    }

    /** The clients' time per completed task, split. */
    Split split() {
      return Split.of(clientNanos, pathways * TASKS, used, database, engine);
    }
  }

  /**
   * Where time went, in ms per unit of work: the total (the clients' time), the engine's own code (commands minus
   * the call-outs and the SQL run in them), the call-outs (listeners, delegates, expressions, history handler: ours in
   * the application, stand-ins and the engine's handler in bare Camunda), SQL and commits run in engine commands
   * (call-outs included), SQL and commits outside any command, connections taken from the pool, and the rest (in the
   * API: our code outside the engine, HTTP, JSON, Spring Security; in bare Camunda: the client's own code), and per
   * unit the statements and transactions, and the SQL time on the engine's tables.
   */
  record Split(double total, double engineCode, double callOuts, double sqlInEngine, double sqlOutside, double pool,
      double rest, double statements, double transactions, double sqlOnEngineTables, double commits) {

    static final String HEADER = "| what | ms | engine's code | call-outs (listeners, delegates, history) "
        + "| SQL + commits in engine commands | SQL + commits outside commands | pool | rest (our code outside the "
        + "engine, HTTP, JSON, security) | of the SQL: on ACT_* tables | of the SQL: commits | statements "
        + "| transactions |%n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n";

    static final String LEGEND = "Engine's code: time in outermost engine commands (from the first command "
        + "interceptor: transaction, command, flush, commit; when our code opened the transaction before the "
        + "command, as `Worklist.complete` does, its commit counts outside) less the call-outs and the SQL run in "
        + "them. Call-outs: every invocation through the engine's delegate interceptor (delegates, task listeners, "
        + "the models' expressions) and the history event handler, less their SQL; built-in execution listeners "
        + "added by plugins count as the engine's. SQL: each statement's execute call and each commit or rollback, "
        + "at the JDBC wrapper. Rest: the total less all of these.%n";

    static Split of(long totalNanos, int units, DatabaseCounters.Snapshot used, DatabaseCounters.Times database,
        EngineTimings.Snapshot engine) {
      double per = units * 1e6;
      long inCommands = database.at(EngineTimings.IN_COMMAND) + database.at(EngineTimings.IN_CALL_OUT);
      long callOuts = engine.callOutNanos() - database.at(EngineTimings.IN_CALL_OUT);
      long engineCode = engine.commandNanos() - engine.callOutNanos() - database.at(EngineTimings.IN_COMMAND);
      long outside = database.at(EngineTimings.OUTSIDE);
      long rest = totalNanos - engine.commandNanos() - outside - database.connectionNanos();
      return new Split(totalNanos / per, engineCode / per, callOuts / per, inCommands / per, outside / per,
          database.connectionNanos() / per, rest / per, (double) used.statements() / units,
          (double) used.transactions() / units, database.engineTableNanos() / per, database.commits() / per);
    }

    String row(String label) {
      return String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |",
          label, total, engineCode, callOuts, sqlInEngine, sqlOutside, pool, rest, sqlOnEngineTables, commits,
          statements, transactions);
    }
  }

  /** Nanoseconds the current run's clients spent in steps. */
  private final java.util.concurrent.atomic.AtomicLong stepNanos = new java.util.concurrent.atomic.AtomicLong();

  private Run run(int clients, int pathwaysPerClient, Runnable pathway) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
      DatabaseCounters.Times databaseBefore = DatabaseCounters.times();
      EngineTimings.Snapshot engineBefore = EngineTimings.snapshot();
      long jvmCpuBefore = jvmCpuNanos();
      long postgresCpuBefore = postgresCpuNanos();
      stepNanos.set(0);
      java.util.concurrent.atomic.AtomicLong clientNanos = new java.util.concurrent.atomic.AtomicLong();
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          long clientStart = System.nanoTime();
          for (int i = 0; i < pathwaysPerClient; i++) {
            pathway.run();
          }
          clientNanos.addAndGet(System.nanoTime() - clientStart);
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(clients, clients * pathwaysPerClient, seconds, clientNanos.get(), stepNanos.get(),
          DatabaseCounters.snapshot().since(before), DatabaseCounters.times().since(databaseBefore),
          EngineTimings.snapshot().since(engineBefore), jvmCpuNanos() - jvmCpuBefore,
          postgresCpuNanos() - postgresCpuBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this JVM so far: request threads, clients, and the JIT compiler and garbage collector. */
  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The embedded server's postmaster (Linux), found once from a backend's parent. */
  private static long postmaster;

  /**
   * CPU time of the embedded PostgreSQL server so far (Linux {@code /proc}, in clock ticks of 10 ms; 0 elsewhere): its
   * postmaster's user + system time, that of the backends it has reaped (ended connections, pgbench's among them), and
   * that of its live processes. Only this server: the other PostgreSQL servers of a shared machine are not counted.
   */
  private static long postgresCpuNanos() {
    try {
      if (postmaster == 0) {
        try (java.sql.Connection c = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
            java.sql.Statement s = c.createStatement();
            java.sql.ResultSet r = s.executeQuery("select pg_backend_pid()")) {
          r.next();
          postmaster = Long.parseLong(stat(Path.of("/proc/" + r.getLong(1)))[1]);
        }
      }
      String[] server = stat(Path.of("/proc/" + postmaster));
      long ticks = Long.parseLong(server[11]) + Long.parseLong(server[12]) + Long.parseLong(server[13])
          + Long.parseLong(server[14]);
      try (var processes = Files.list(Path.of("/proc"))) {
        for (Path process : (Iterable<Path>) processes::iterator) {
          try {
            String[] fields = stat(process);
            if (Long.parseLong(fields[1]) == postmaster) {
              ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
          } catch (IOException | RuntimeException gone) {
            // not a process, or it ended while read
          }
        }
      }
      return ticks * 10_000_000L;
    } catch (IOException | java.sql.SQLException | RuntimeException noProc) {
      return 0;
    }
  }

  /**
   * A process's {@code /proc/<pid>/stat} fields after the command's closing parenthesis: [0] state, [1] parent, [11]
   * user time, [12] system time, [13] and [14] those of its reaped children.
   */
  private static String[] stat(Path process) throws IOException {
    return Files.readString(process.resolve("stat")).replaceAll("^.*\\) ", "").split(" ");
  }

  // ---- one pathway through the API

  /** When set (one client only), what each request or engine call of a pathway cost, by name. */
  private volatile Map<String, Cost> steps;

  /** What some requests or calls of one name cost together. */
  private static final class Cost {
    int count;
    long nanos;
    long statements;
    long transactions;
    final long[] statementNanos = new long[3];
    final long[] commitNanos = new long[3];
    long engineTableNanos;
    long connectionNanos;
    long commands;
    long commandNanos;
    long callOuts;
    long callOutNanos;

    void add(int count, long nanos, DatabaseCounters.Snapshot used, DatabaseCounters.Times database,
        EngineTimings.Snapshot engine) {
      this.count += count;
      this.nanos += nanos;
      statements += used.statements();
      transactions += used.transactions();
      for (int i = 0; i < 3; i++) {
        statementNanos[i] += database.statementNanos()[i];
        commitNanos[i] += database.commitNanos()[i];
      }
      engineTableNanos += database.engineTableNanos();
      connectionNanos += database.connectionNanos();
      commands += engine.commands();
      commandNanos += engine.commandNanos();
      callOuts += engine.callOuts();
      callOutNanos += engine.callOutNanos();
    }

    void add(Cost other) {
      add(other.count, other.nanos, new DatabaseCounters.Snapshot(other.statements, other.transactions),
          other.times(), new EngineTimings.Snapshot(other.commands, other.commandNanos, other.callOuts,
              other.callOutNanos));
    }

    DatabaseCounters.Times times() {
      return new DatabaseCounters.Times(statementNanos.clone(), commitNanos.clone(), engineTableNanos,
          connectionNanos);
    }

    Split split(int units) {
      return Split.of(nanos, units, new DatabaseCounters.Snapshot(statements, transactions), times(),
          new EngineTimings.Snapshot(commands, commandNanos, callOuts, callOutNanos));
    }
  }

  /** When set (one client only), the SQL of every step's requests or calls (find or query, complete) is added. */
  private volatile List<String> stepStatements;

  /** Runs the work; when {@link #steps} is set, adds what it cost under the name. */
  private <T> T measured(String name, java.util.function.Supplier<T> work) {
    List<String> statements = stepStatements;
    if (statements != null && (name.startsWith("find") || name.startsWith("query")
        || name.startsWith("complete"))) {
      List<T> result = new ArrayList<>();
      statements.addAll(DatabaseCounters.capture(sql -> true, () -> result.add(work.get())));
      return result.get(0);
    }
    Map<String, Cost> costs = steps;
    if (costs == null) {
      return work.get();
    }
    DatabaseCounters.Snapshot before = DatabaseCounters.snapshot();
    DatabaseCounters.Times databaseBefore = DatabaseCounters.times();
    EngineTimings.Snapshot engineBefore = EngineTimings.snapshot();
    long start = System.nanoTime();
    T result = work.get();
    long nanos = System.nanoTime() - start;
    costs.computeIfAbsent(name, k -> new Cost()).add(1, nanos, DatabaseCounters.snapshot().since(before),
        DatabaseCounters.times().since(databaseBefore), EngineTimings.snapshot().since(engineBefore));
    return result;
  }

  private ApiClient.Response step(String name, java.util.function.Supplier<ApiClient.Response> request) {
    return measured(name, () -> ok(request.get()));
  }

  /**
   * A few pathways each way one at a time: each request (API) or call (bare) with its statements, transactions and
   * time split, and the same summed over the steps (find or query, then complete).
   */
  private void profileSteps(int pathways) {
    Map<String, Cost> api = new LinkedHashMap<>();
    Map<String, Cost> bareCosts = new LinkedHashMap<>();
    Map<String, Cost> inProcess = new LinkedHashMap<>();
    Map<String, double[]> serverBefore = serverTimes();
    for (int i = 0; i < pathways; i++) {
      // one each way in turn: a load that drifts falls on every side alike
      steps = api;
      apiPathway();
      steps = bareCosts;
      barePathway();
      steps = inProcess;
      inProcessPathway();
    }
    steps = null;
    Cost inProcessStep = new Cost();
    inProcess.forEach((name, c) -> {
      if (name.startsWith("find") || name.startsWith("complete")) {
        inProcessStep.add(c);
      }
    });
    Map<String, double[]> serverAfter = serverTimes();
    Cost apiStep = new Cost();
    Cost bareStep = new Cost();
    api.forEach((name, c) -> {
      if (name.startsWith("find") || name.startsWith("complete")) {
        apiStep.add(c);
      }
    });
    bareCosts.forEach((name, c) -> {
      if (name.startsWith("query") || name.startsWith("complete")) {
        bareStep.add(c);
      }
    });
    int stepCount = pathways * TASKS;
    Split apiSplit = apiStep.split(stepCount);
    Split bareSplit = bareStep.split(stepCount);
    line("%n## Where a step's time goes (mean of %d pathways each way, one client, ms per step)%n%n" + Split.HEADER,
        pathways);
    Split inProcessSplit = inProcessStep.split(stepCount);
    line("%s%n%s%n%s%n", apiSplit.row("API: find + complete"), inProcessSplit.row("in-process: find + complete"),
        bareSplit.row("bare: query + complete"));
    line("| API − bare | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
        apiSplit.total() - bareSplit.total(), apiSplit.engineCode() - bareSplit.engineCode(),
        apiSplit.callOuts() - bareSplit.callOuts(), apiSplit.sqlInEngine() - bareSplit.sqlInEngine(),
        apiSplit.sqlOutside() - bareSplit.sqlOutside(), apiSplit.pool() - bareSplit.pool(),
        apiSplit.rest() - bareSplit.rest(), apiSplit.sqlOnEngineTables() - bareSplit.sqlOnEngineTables(),
        apiSplit.commits() - bareSplit.commits(), apiSplit.statements() - bareSplit.statements(),
        apiSplit.transactions() - bareSplit.transactions());
    line("%nOne client, so the step's time is its latency: API/bare per step %.2f here (%.1f against %.1f ms); "
        + "in-process %.1f ms: API / in-process %.2f, in-process / bare %.2f.%n",
        bareSplit.total() / apiSplit.total(), apiSplit.total(), bareSplit.total(), inProcessSplit.total(),
        inProcessSplit.total() / apiSplit.total(), bareSplit.total() / inProcessSplit.total());
    line("%n## Per call of the in-process pathway's steps (mean of %d pathways, one client, ms per call)%n%n"
        + Split.HEADER, pathways);
    inProcess.forEach((name, c) -> {
      if (name.startsWith("find") || name.startsWith("complete")) {
        line("%s%n", c.split(c.count).row(String.format("%s (%.0f per pathway)", name,
            (double) c.count / pathways)));
      }
    });
    line("%n## Per request of the API pathway (mean of %d pathways, one client, ms per request)%n%n" + Split.HEADER,
        pathways);
    long totalNanos = api.values().stream().mapToLong(c -> c.nanos).sum();
    api.forEach((name, c) -> line("%s%n", c.split(c.count).row(String.format("%s (%.0f per pathway, %.0f %% of the "
        + "time)", name, (double) c.count / pathways, 100.0 * c.nanos / totalNanos))));
    line("%nThe same requests as the server timed them (`http.server.requests`): ");
    serverAfter.forEach((request, after) -> {
      double[] before = serverBefore.getOrDefault(request, new double[2]);
      if (after[0] > before[0]) {
        line("%s %.1f ms; ", request, (after[1] - before[1]) / (after[0] - before[0]));
      }
    });
    line("%n%n## Per call of the bare pathway (mean of %d pathways, one client, ms per call)%n%n" + Split.HEADER,
        pathways);
    long bareNanos = bareCosts.values().stream().mapToLong(c -> c.nanos).sum();
    bareCosts.forEach((name, c) -> line("%s%n", c.split(c.count).row(String.format("%s (%.0f per pathway, %.0f %% "
        + "of the time)", name, (double) c.count / pathways, 100.0 * c.nanos / bareNanos))));
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
    Map<String, ApiClient> clients = clients();
    Map<ApiClient, JsonNode> known = new java.util.HashMap<>();
    ourPathway("API", clients, (user, pathway, taskKey, values) ->
        apiTask(clients.get(user), pathway, taskKey, values, known));
  }

  /** The three users' API clients. */
  private Map<String, ApiClient> clients() {
    return Map.of(LAB, ApiClient.as(port, LAB, "demo"), CPI, ApiClient.as(port, CPI, "demo"), OPERATOR,
        ApiClient.as(port, OPERATOR, "demo"));
  }

  /** How one side finds and completes a user task of the pathway. */
  private interface TaskStep {
    void run(String user, String pathway, String taskKey, Map<String, Object> values);
  }

  /**
   * Our pathway, as the lab, the CPI and the operator work it: created, planned and attended through the API, each
   * user task by {@code task} (the API's or the in-process side's), the course-end timer run; it must end in placement.
   */
  private void ourPathway(String side, Map<String, ApiClient> clients, TaskStep task) {
    ApiClient lab = clients.get(LAB);
    ApiClient operator = clients.get(OPERATOR);
    JsonNode created = step("create: POST /api/pathways", () -> lab.post("/api/pathways", Map.of("projectCode", PROJECT,
        "channel", "LAB", "person", PathwaySeeder.personRequest(people.getAndIncrement(), PROJECT)))).json();
    String pathway = created.path("pathwayId").asText();
    task.run(LAB, pathway, "Task_IntakeInterview", IntakeAnswers.eligible());
    task.run(CPI, pathway, "Task_AssignOperator", Map.of("operatorOrganisation", OPERATOR_ORGANISATION));
    task.run(OPERATOR, pathway, "Task_FirstAppointment", Map.of("appointmentDate", today.toString()));
    task.run(OPERATOR, pathway, "Task_SkillsAssessment", assessment());
    step("plan: PUT /api/pathways/{id}/plan", () -> operator.put("/api/pathways/" + pathway + "/plan", plan()));
    task.run(OPERATOR, pathway, "Task_DraftPlan", Map.of("planSubmitted", true));
    task.run(CPI, pathway, "Task_ApprovePlan", Map.of("planApproved", true));
    task.run(OPERATOR, pathway, "Task_RecordSignature", Map.of("signedOn", today.toString()));
    step("attendance: POST /api/pathways/{id}/attendance", () -> operator.post("/api/pathways/" + pathway
        + "/attendance", Map.of("courseCode", "BEN-01", "date", today.minusDays(1).toString(), "hours",
        new BigDecimal("8"))));
    courseEnds(runtimeService, managementService, pathway);
    String stage = jdbc.sql("select stage from pathway where id = ?").param(UUID.fromString(pathway))
        .query(String.class).single();
    if (!"PLACEMENT".equals(stage)) {
      throw new IllegalStateException(side + " pathway " + pathway + " ended training in stage " + stage);
    }
  }

  /**
   * A step through the API, as a client that asks each completion for the caller's next tasks in the pathway
   * ({@code Prefer: return=representation}): the task is found in the list only when the caller's last completion in
   * this pathway did not already give it (its first task, or one that another role's completion opened meanwhile).
   */
  private void apiTask(ApiClient user, String pathway, String taskKey, Map<String, Object> values,
      Map<ApiClient, JsonNode> known) {
    long start = System.nanoTime();
    String id = null;
    for (JsonNode task : known.getOrDefault(user, MISSING)) {
      if (taskKey.equals(task.path("taskKey").asText())) {
        id = task.path("id").asText();
      }
    }
    if (id == null) {
      JsonNode tasks = step("find: GET /api/tasks?pathwayId=…&taskKey=…", () -> user.get("/api/tasks?pathwayId="
          + pathway + "&taskKey=" + taskKey)).json();
      if (tasks.size() != 1) {
        throw new IllegalStateException("Pathway " + pathway + " has " + tasks.size() + " open " + taskKey);
      }
      id = tasks.get(0).path("id").asText();
    }
    String taskId = id;
    // the completion claims the task for its caller, and answers with the caller's open tasks in the pathway
    JsonNode next = step("complete " + taskKey, () -> user.post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", values), "Prefer", "return=representation")).json().path("nextTasks");
    known.put(user, next);
    stepNanos.addAndGet(System.nanoTime() - start);
  }

  private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

  // ---- one pathway through our code in-process

  /**
   * The API's pathway ({@link #ourPathway}) with its steps run in-process by the code the API's controllers call:
   * {@code Worklist.myTasks} when the last completion did not name the task, then {@code Worklist.complete} with the
   * caller's next tasks.
   */
  private void inProcessPathway() {
    Map<String, List<Worklist.OpenTask>> known = new java.util.HashMap<>();
    ourPathway("In-process", clients(), (user, pathway, taskKey, values) ->
        inProcessTask(user, UUID.fromString(pathway), taskKey, values, known));
  }

  /** The users of the in-process side, loaded once, as the door's cache of verified logins holds them. */
  private final Map<String, AppUser> loaded = new java.util.concurrent.ConcurrentHashMap<>();

  /** A step in-process, as the API's {@link #apiTask}: the engine told who the user is, as the door does per request. */
  private void inProcessTask(String userId, UUID pathway, String taskKey, Map<String, Object> values,
      Map<String, List<Worklist.OpenTask>> known) {
    long start = System.nanoTime();
    AppUser user = loaded.computeIfAbsent(userId, users::load);
    identityService.setAuthentication(user.id(), user.groups(), List.copyOf(user.tenants()));
    try {
      String id = known.getOrDefault(userId, List.of()).stream()
          .filter(task -> taskKey.equals(task.task().taskKey())).map(task -> task.task().id()).findFirst()
          .orElse(null);
      if (id == null) {
        List<Worklist.OpenTask> tasks = measured("find: Worklist.myTasks(…, taskKey, pathwayId, …)",
            () -> worklist.myTasks(user, null, null, taskKey, pathway, 0, 50));
        if (tasks.size() != 1) {
          throw new IllegalStateException("Pathway " + pathway + " has " + tasks.size() + " open " + taskKey);
        }
        id = tasks.get(0).task().id();
      }
      String taskId = id;
      Worklist.Completion completion = measured("complete " + taskKey,
          () -> worklist.complete(taskId, new LinkedHashMap<>(values), user, true));
      known.put(userId, completion.next());
    } finally {
      identityService.clearAuthentication();
    }
    stepNanos.addAndGet(System.nanoTime() - start);
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
    measured("start: createProcessInstanceByKey(…).execute()", () -> bare.getRuntimeService()
        .createProcessInstanceByKey("pathway").businessKey(pathway).setVariables(start).execute());
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
    long started = System.nanoTime();
    TaskService tasks = bare.getTaskService();
    Task task = measured("query: createTaskQuery()…singleResult()", () -> tasks.createTaskQuery()
        .processInstanceBusinessKey(pathway).taskDefinitionKey(taskKey).singleResult());
    if (task == null) {
      throw new IllegalStateException("Bare pathway " + pathway + " has no open " + taskKey);
    }
    measured("complete " + taskKey, () -> {
      tasks.complete(task.getId(), values);
      return null;
    });
    stepNanos.addAndGet(System.nanoTime() - started);
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
  private void whereTheStatementsGo() throws IOException {
    List<String> apiStatements = DatabaseCounters.capture(sql -> true, this::apiPathway);
    List<String> bareStatements = DatabaseCounters.capture(sql -> true, this::barePathway);
    Map<String, Long> api = byTable(apiStatements);
    Map<String, Long> bareCounts = byTable(bareStatements);
    List<String> apiStepStatements = new ArrayList<>();
    stepStatements = apiStepStatements;
    apiPathway();
    List<String> bareStepStatements = new ArrayList<>();
    stepStatements = bareStepStatements;
    barePathway();
    stepStatements = null;
    Path statements = reportFile().resolveSibling("full-pathway-statements.md");
    Files.createDirectories(statements.getParent());
    Files.writeString(statements, "# Statements of one pathway, by text (values replaced by ?)\n\n"
        + "## API, the 7 steps only (find, complete)\n\n" + byText(apiStepStatements)
        + "\n## bare Camunda, the 7 steps only (query, complete)\n\n" + byText(bareStepStatements)
        + "\n## API, the whole pathway\n\n" + byText(apiStatements)
        + "\n## bare Camunda, the whole pathway\n\n" + byText(bareStatements));
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

  /** Each distinct statement (literals replaced by {@code ?}) with how many times it ran, the most frequent first. */
  static String byText(List<String> statements) {
    Map<String, Long> counts = statements.stream()
        .map(sql -> sql.replaceAll("'[^']*'", "?").replaceAll("\\b\\d+(\\.\\d+)?\\b", "?")
            .replaceAll("\\s+", " ").strip())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    StringBuilder out = new StringBuilder();
    counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(e.getValue()).append(" × ").append(e.getKey()).append("\n"));
    return out.toString();
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

  /** {@code -Dbenchmark.fullPathway.report}, else in the build directory the classes came from (-DbuildDir). */
  private static Path reportFile() {
    String configured = System.getProperty("benchmark.fullPathway.report");
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path testClasses = Path.of(FullPathwayBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return testClasses.getParent().resolve("benchmark/full-pathway-benchmark.md");
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of("target/benchmark/full-pathway-benchmark.md");
    }
  }

  private void writeReport() throws IOException {
    Path file = reportFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("Report written to " + file.toAbsolutePath());
  }
}
