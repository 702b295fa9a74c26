package org.erplab.pathways.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.erplab.pathways.pathway.infrastructure.EligibilityRecords;
import org.erplab.pathways.pathway.process.EligibilityResult;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;

/**
 * Bare Camunda for the benchmark: a second process engine in the same JVM, on its own database of the same embedded
 * PostgreSQL server, history FULL, JSON serialization, Camunda's metrics on (as in the application: the task meter
 * log of every assignment), no authorization, no tenants, no plugin of ours (only the benchmark's
 * {@link EngineTimings}, as in the application's context), with the same
 * models from {@code processes/} deployed. The models' expressions name our Spring beans; here each name resolves to a
 * stand-in that only sets the variables the gateways read (eligibility folded by the real {@link EligibilityResult}
 * rules, the plan signed, one course completed) and writes no table of ours: what is left is the engine's own work.
 */
final class BareEngine {

  static final String DATABASE = "bare";

  private BareEngine() {}

  /** An empty database of that name on the embedded server (dropped first if it exists). */
  static void recreate(String database) {
    try (Connection c = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static ProcessEngine start(int poolSize, java.util.function.UnaryOperator<DataSource> wrap) {
    recreate(DATABASE);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(EmbeddedPostgresInitializer.postgres().getJdbcUrl("postgres", DATABASE));
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(poolSize);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(wrap.apply(pool));
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.getProcessEnginePlugins().add(EngineTimings.plugin());
    configuration.setBeans(stubs());
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
    return engine;
  }

  /** The beans the models name, as stand-ins. */
  private static Map<Object, Object> stubs() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("pathwayLifecycle", new Lifecycle());
    beans.put("eligibilityResult", new EligibilityResult(new NoRecords()));
    beans.put("deadlines", new DueDates());
    beans.put("findOtherEnrolments", (JavaDelegate) execution -> {
      execution.setVariable("otherEnrolment", false);
      execution.setVariable("otherEnrolments", "");
    });
    beans.put("recordContactAttempt", (JavaDelegate) execution -> {
      Object attempts = execution.getVariable("contactAttempts");
      int next = attempts == null ? 1 : (Integer) attempts + 1;
      execution.setVariable("contactAttempts", next);
      execution.setVariable("contactAttemptsExhausted", next >= 3);
    });
    beans.put("operatorOptions", (TaskListener) task -> { });
    beans.put("operatorAssignment", (TaskListener) task -> { });
    beans.put("intakeFacts", new Intake());
    beans.put("assessmentFacts", new Assessment());
    beans.put("planFacts", new Plan());
    beans.put("trainingFacts", new Training());
    beans.put("courseIndemnity", (JavaDelegate) execution -> { });
    beans.put("housingNotification", (JavaDelegate) execution -> { });
    return beans;
  }

  static Date inDays(int days) {
    return new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L);
  }

  public static class Lifecycle {
    public void stage(DelegateExecution execution, String stage) { }

    public void close(DelegateExecution execution, String outcome) { }

    public void closeOnly(DelegateExecution execution, String outcome) { }

    public void consentGiven(DelegateExecution execution) { }

    public void firstAppointment(DelegateExecution execution) { }

    public void reassign(DelegateExecution execution) { }
  }

  /** The eligibility's facts go nowhere. */
  static class NoRecords extends EligibilityRecords {
    NoRecords() {
      super(null);
    }

    @Override
    public void screened(java.util.UUID pathwayId, String outcome, Collection<String> items, java.time.OffsetDateTime at) { }

    @Override
    public void conclude(java.util.UUID pathwayId, String outcome, Collection<String> reasons, java.time.OffsetDateTime at) { }
  }

  public static class DueDates {
    public Date due(DelegateExecution execution, String kind) {
      return inDays(14);
    }
  }

  /** The intake's facts for the indicators go nowhere. */
  public static class Intake {
    public void interviewed(DelegateTask task) { }
  }

  public static class Assessment {
    public void record(DelegateExecution execution) { }

    public void socialServices(DelegateExecution execution) {
      execution.setVariable("socialOrganisation", "COMUNE_MI");
    }

    public void recordReassessment(DelegateExecution execution) { }

    public Date reassessmentAt(DelegateExecution execution) {
      return inDays(90);
    }
  }

  public static class Plan {
    public void submit(DelegateTask task) { }

    public void approve(DelegateExecution execution) { }

    public void reject(DelegateExecution execution) { }

    public Date reminderAt(DelegateExecution execution) {
      return inDays(20);
    }

    public void signed(DelegateExecution execution) {
      execution.setVariable("planOutcome", "SIGNED");
    }

    public void notSigned(DelegateExecution execution) {
      execution.setVariable("planOutcome", "NOT_SIGNED");
    }
  }

  /** One course, ended already (its timer is due at once), completed. */
  public static class Training {
    public void nextCourse(DelegateExecution execution) {
      execution.setVariable("courseCode", execution.getVariable("courseCompleted") == null ? "C1" : null);
    }

    public Date courseEndsAt(DelegateExecution execution) {
      return new Date(ClockUtil.getCurrentTime().getTime() - 60_000);
    }

    public void decideCourse(DelegateExecution execution) {
      execution.setVariable("courseCompleted", true);
    }

    public void nextStep(DelegateExecution execution) { }

    public void done(DelegateExecution execution) {
      execution.setVariable("trainingOutcome", "DONE");
      execution.setVariable("nextStage", "PLACEMENT");
    }

    public void closed(DelegateExecution execution) {
      execution.setVariable("trainingOutcome", "CLOSED");
    }
  }

  static List<String> userTasks() {
    return List.of("Task_IntakeInterview", "Task_AssignOperator", "Task_FirstAppointment", "Task_SkillsAssessment",
        "Task_DraftPlan", "Task_ApprovePlan", "Task_RecordSignature");
  }
}
