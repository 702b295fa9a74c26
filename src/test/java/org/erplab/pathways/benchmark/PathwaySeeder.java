package org.erplab.pathways.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.FiscalCode;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.pathway.process.EligibilityProcess;
import org.erplab.pathways.pathway.process.HandoverProcess;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.support.IntakeAnswers;

/**
 * Open pathways brought to realistic stages through the real code paths, as the process tests do: the start through
 * {@link PathwayService#start} (registry, pathway record, {@code pathway} instance) and each later step through
 * {@link TaskService#complete} with valid form values (the engine validates them against the forms; sensitive
 * answers go to the registry). Pathway number {@code n} always gets the same person, project and stage, so that two
 * calls seed disjoint, equally spread sets:
 * <ul>
 *   <li>projects alternate LORENTEGGIO / BOLLATE;
 *   <li>a third wait for the lab: a call-back (public self-registration) or the intake interview (lab or CPI desk);
 *   <li>a third for the CPI: verifying eligibility (the interview said {@code naspiRecipient=true}) or assigning the
 *       operator;
 *   <li>a third for the operator's first appointment: SOLCO or MESTIERI in LORENTEGGIO, CONSORZIO_SIR in BOLLATE.
 * </ul>
 * Several threads, one pathway at a time each; calls run as the system (no authenticated user), as in the process
 * tests.
 */
final class PathwaySeeder {

  static final String LORENTEGGIO = "LORENTEGGIO";
  static final String BOLLATE = "BOLLATE";

  /** Where a seeded pathway waits, and for whom. */
  enum Stage {
    CALL_BACK("lab", IntakeProcess.Elements.TASK_CALL_BACK),
    INTERVIEW("lab", IntakeProcess.Elements.TASK_INTAKE_INTERVIEW),
    VERIFY_ELIGIBILITY("cpi", EligibilityProcess.Elements.TASK_VERIFY_ELIGIBILITY),
    ASSIGN_OPERATOR("cpi", PathwayProcess.Elements.TASK_ASSIGN_OPERATOR),
    FIRST_APPOINTMENT("operator", HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);

    final String waitsFor;
    final String taskKey;

    Stage(String waitsFor, String taskKey) {
      this.waitsFor = waitsFor;
      this.taskKey = taskKey;
    }
  }

  private static final String LETTERS = "BCDFGHLMNPRSTVZ";
  private static final String MONTHS = "ABCDEHLMPRST";

  private final PathwayService pathways;
  private final TaskService taskService;

  PathwaySeeder(PathwayService pathways, TaskService taskService) {
    this.pathways = pathways;
    this.taskService = taskService;
  }

  record Seeded(int count, Duration took, Map<Stage, Integer> byStage) {

    double perSecond() {
      return count * 1000.0 / Math.max(1, took.toMillis());
    }
  }

  /** Seeds pathways number {@code from} (inclusive) to {@code to} (exclusive) on {@code threads} threads. */
  Seeded seed(int from, int to, int threads) throws Exception {
    Map<Stage, AtomicInteger> counts = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      counts.put(stage, new AtomicInteger());
    }
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
            counts.get(seedOne(n)).incrementAndGet();
            int seeded = done.incrementAndGet();
            if (seeded % 2000 == 0) {
              System.out.printf("  seeded %,d of %,d (%.0f pathways/s)%n", seeded, to - from,
                  seeded / ((System.nanoTime() - started) / 1e9));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<Stage, Integer> byStage = new LinkedHashMap<>();
    counts.forEach((stage, count) -> byStage.put(stage, count.get()));
    return new Seeded(to - from, Duration.ofNanos(System.nanoTime() - started), byStage);
  }

  static String project(int n) {
    return (n / 6) % 2 == 0 ? LORENTEGGIO : BOLLATE;
  }

  /** Lab, CPI and operator in turn; within each, the two kinds of task of that role in turn. */
  static Stage stage(int n) {
    boolean first = (n / 3) % 2 == 0;
    return switch (n % 3) {
      case 0 -> first ? Stage.CALL_BACK : Stage.INTERVIEW;
      case 1 -> first ? Stage.VERIFY_ELIGIBILITY : Stage.ASSIGN_OPERATOR;
      default -> Stage.FIRST_APPOINTMENT;
    };
  }

  static String operatorOf(int n) {
    return LORENTEGGIO.equals(project(n)) ? ((n / 12) % 2 == 0 ? "SOLCO" : "MESTIERI") : "CONSORZIO_SIR";
  }

  private Stage seedOne(int n) {
    Stage stage = stage(n);
    String project = project(n);
    Channel channel = switch (stage) {
      case CALL_BACK -> Channel.SELF_REGISTRATION;
      case INTERVIEW -> (n / 24) % 2 == 0 ? Channel.CPI_DESK : Channel.LAB;
      default -> Channel.LAB;
    };
    OffsetDateTime consentAt = channel == Channel.SELF_REGISTRATION ? OffsetDateTime.now() : null;
    String pathwayId = pathways.start(person(n, project), channel, consentAt).pathwayId().toString();
    switch (stage) {
      case VERIFY_ELIGIBILITY -> complete(pathwayId, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
          IntakeAnswers.eligibleWith(Map.of(IntakeProcess.Variables.NASPI_RECIPIENT.name(), true)));
      case ASSIGN_OPERATOR -> complete(pathwayId, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, IntakeAnswers.eligible());
      case FIRST_APPOINTMENT -> {
        complete(pathwayId, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, IntakeAnswers.eligible());
        complete(pathwayId, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
            Map.of(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), operatorOf(n)));
      }
      default -> { }
    }
    task(pathwayId, stage.taskKey); // the pathway waits where it should
    return stage;
  }

  private void complete(String pathwayId, String taskKey, Map<String, Object> values) {
    taskService.complete(task(pathwayId, taskKey).getId(), values);
  }

  private Task task(String pathwayId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(pathwayId).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("Pathway " + pathwayId + " has no open " + taskKey);
    }
    return task;
  }

  /**
   * Person number {@code n}: an adult (36 to 46 years old) with a valid fiscal code, unique for every {@code n} below
   * 15^6 (the six letters of surname and name spell {@code n} in base 15).
   */
  static Participant person(int n, String project) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0, rest = n; i < 6; i++, rest /= LETTERS.length()) {
      letters.append(LETTERS.charAt(rest % LETTERS.length()));
    }
    LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n % 3650);
    String gender = n % 2 == 0 ? "M" : "F";
    String first15 = letters + String.format("%02d", birth.getYear() % 100) + MONTHS.charAt(birth.getMonthValue() - 1)
        + String.format("%02d", "F".equals(gender) ? birth.getDayOfMonth() + 40 : birth.getDayOfMonth()) + "F205";
    String fiscalCode = first15 + FiscalCode.checkCharacter(first15);
    return new Participant(null, project, fiscalCode, "Nome" + letters.substring(3), "Cognome" + letters.substring(0, 3),
        birth, gender, "IT", null, "+39 333 1234567", null, null, null);
  }

  /** The same person as the {@code person} object of {@code POST /api/pathways}. */
  static Map<String, Object> personRequest(int n, String project) {
    Participant p = person(n, project);
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("fiscalCode", p.fiscalCode());
    person.put("firstName", p.firstName());
    person.put("lastName", p.lastName());
    person.put("birthDate", p.birthDate().toString());
    person.put("gender", p.gender());
    person.put("citizenship", "IT");
    person.put("phone", p.phone());
    return person;
  }
}
