package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.pathway.process.IntakeProcess.Variables;
import org.erplab.pathways.security.process.ProcessStarts;
import org.erplab.pathways.support.TestPeople;
import org.springframework.context.ApplicationContext;

/**
 * What the process tests share: the frozen engine clock, valid people and interview answers, and task and timer
 * handling by pathway id (the business key of the pathway and of every instance it calls).
 */
final class ProcessTestSupport {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");
  static final String LORENTEGGIO = "LORENTEGGIO";
  static final String BOLLATE = "BOLLATE";
  /** Demo groups of the candidate-group assertions. */
  static final String LAB = "lab";
  static final String CPI = "cpi";
  static final String MANAGER = "manager";

  /** The domain's example day (DOMAIN.md, "Counting deadlines"): Monday 23 November 2026, 10:00 in Rome. */
  static final LocalDateTime MONDAY_23_NOVEMBER_2026 = LocalDateTime.of(2026, 11, 23, 10, 0);

  private final PathwayService pathwayService;
  private final ParticipantRegistry registry;
  private final PathwayRecords pathwayRecords;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;

  private ProcessTestSupport(ApplicationContext context) {
    this.pathwayService = context.getBean(PathwayService.class);
    this.registry = context.getBean(ParticipantRegistry.class);
    this.pathwayRecords = context.getBean(PathwayRecords.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.taskService = context.getBean(TaskService.class);
    this.managementService = context.getBean(ManagementService.class);
    this.historyService = context.getBean(HistoryService.class);
  }

  /**
   * Before each test: camunda-bpm-assert bound to the application's engine, and the engine clock frozen on the
   * domain's example day. Reset the clock after each test with {@link ClockUtil#reset()}.
   */
  static ProcessTestSupport onExampleDay(ApplicationContext context) {
    BpmnAwareTests.init(context.getBean(ProcessEngine.class));
    setClock(MONDAY_23_NOVEMBER_2026);
    return new ProcessTestSupport(context);
  }

  // ---- time

  /** Freezes the engine clock at a local time in Rome. */
  static void setClock(LocalDateTime romeTime) {
    ClockUtil.setCurrentTime(rome(romeTime));
  }

  static Date rome(LocalDateTime romeTime) {
    return Date.from(romeTime.atZone(ROME).toInstant());
  }

  /** A deadline falls at 23:59:59 of its last day, in Rome. */
  static Date endOf(LocalDate day) {
    return rome(LocalDateTime.of(day, LocalTime.of(23, 59, 59)));
  }

  // ---- people and pathways

  static Participant participant(String projectCode, TestPeople.Person person) {
    return new Participant(null, projectCode, person.fiscalCode(), person.firstName(), person.lastName(),
        person.birthDate(), person.gender(), "IT", null, null, null, null, null);
  }

  /** Starts a pathway the real way (registry, pathway record and {@code pathway} instance) for a new adult. */
  PathwayService.StartedPathway startPathway(String projectCode, Pathway.Channel channel) {
    return startPathway(projectCode, channel, TestPeople.adult());
  }

  PathwayService.StartedPathway startPathway(String projectCode, Pathway.Channel channel, TestPeople.Person person) {
    OffsetDateTime consentAt = channel == Pathway.Channel.SELF_REGISTRATION ? OffsetDateTime.now() : null;
    return pathwayService.start(participant(projectCode, person), channel, consentAt);
  }

  /**
   * A registry entry and an open pathway record, without the {@code pathway} instance: for tests that start a called
   * process directly (the listeners write under the pathway's id) and must not touch the caller's model.
   */
  RegisteredPathway registerPathway(String projectCode, Pathway.Channel channel) {
    return registerPathway(projectCode, channel, TestPeople.adult());
  }

  /** {@link #registerPathway(String, Pathway.Channel)} for that person (registered in the project once). */
  RegisteredPathway registerPathway(String projectCode, Pathway.Channel channel, TestPeople.Person person) {
    Participant participant = registry.register(participant(projectCode, person), null);
    UUID pathwayId = UUID.randomUUID();
    pathwayRecords.insert(new Pathway(pathwayId, participant.id(), projectCode, channel.name(), null, "INTAKE",
        Pathway.Status.ACTIVE.name(), null, null, null, null, null, OffsetDateTime.now(), null));
    return new RegisteredPathway(pathwayId, participant.id(), projectCode, channel);
  }

  record RegisteredPathway(UUID pathwayId, UUID participantId, String projectCode, Pathway.Channel channel) {

    /** The start variables the {@code pathway} process hands to the processes it calls. */
    Map<String, Object> startVariables(int ageAtIntake) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(PathwayProcess.Variables.PATHWAY_ID.name(), pathwayId.toString());
      variables.put(PathwayProcess.Variables.PARTICIPANT_ID.name(), participantId.toString());
      variables.put(PathwayProcess.Variables.PROJECT_CODE.name(), projectCode);
      variables.put(PathwayProcess.Variables.CHANNEL.name(), channel.name());
      variables.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), ageAtIntake);
      return variables;
    }
  }

  /** Starts a called process ({@code intake}, {@code eligibility}) directly, as the pathway's call activity does. */
  ProcessInstance startDirectly(String processKey, RegisteredPathway pathway, Map<String, Object> variables) {
    // what a caller hands over: only the variables the called process declares (its call activity maps no more)
    Map<String, Object> handedOver = new HashMap<>();
    variables.forEach((name, value) -> {
      if (ProcessCatalogue.find(processKey).orElseThrow().variable(name).isPresent()) {
        handedOver.put(name, value);
      }
    });
    // a test, like our API, starts a process only with a permit (no door starts one without)
    return ProcessStarts.permit(processKey, pathway.projectCode(), () -> runtimeService.createProcessInstanceByKey(processKey)
        .processDefinitionWithoutTenantId()
        .businessKey(pathway.pathwayId().toString())
        .setVariables(handedOver)
        .execute());
  }

  /** Closes a pathway record as if it had ended at that moment (Rome time). */
  void closeRecord(UUID pathwayId, String outcome, LocalDateTime romeTime) {
    pathwayRecords.close(pathwayId, outcome, null, null, OffsetDateTime.ofInstant(rome(romeTime).toInstant(), ROME));
  }

  Pathway record(UUID pathwayId) {
    return pathwayRecords.find(pathwayId).orElseThrow();
  }

  /** Answers of Task_IntakeInterview that make an adult eligible: consenting, resident, unemployed with DID. */
  static Map<String, Object> interview() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(Variables.CONSENT_GIVEN.name(), true);
    values.put(Variables.RESIDENT_IN_ERP.name(), true);
    values.put(Variables.HOUSING_HARDSHIP.name(), false);
    values.put(Variables.EMPLOYMENT_STATUS.name(), "UNEMPLOYED");
    values.put(Variables.HAS_DID.name(), true);
    values.put(Variables.EDUCATION.name(), "UPPER_SECONDARY");
    values.put(Variables.NASPI_RECIPIENT.name(), false);
    values.put(Variables.OTHER_MEASURE.name(), "NONE");
    values.put(Variables.PERMIT_STATUS.name(), "NOT_REQUIRED");
    values.put(Variables.VULNERABILITIES.name(), List.of("NONE"));
    return values;
  }

  /** {@link #interview()} with some answers changed: {@code interview(NASPI_RECIPIENT, true, ...)}. */
  static Map<String, Object> interview(Object... nameValuePairs) {
    return with(interview(), nameValuePairs);
  }

  static Map<String, Object> with(Map<String, Object> base, Object... nameValuePairs) {
    Map<String, Object> values = new LinkedHashMap<>(base);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      values.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return values;
  }

  static Map<String, Object> vars(Object... nameValuePairs) {
    return with(Map.of(), nameValuePairs);
  }

  /**
   * A LORENTEGGIO pathway walked the real way to training: interviewed, SOLCO assigned, handed over, assessed ready for
   * work, the plan {@code draft} written, approved and signed on the example day. Returns the pathway id.
   */
  UUID inTraining(org.erplab.pathways.pathway.domain.Plans plans, org.erplab.pathways.pathway.domain.Plans.Draft draft) {
    UUID pathway = startPathway(LORENTEGGIO, Pathway.Channel.LAB).pathwayId();
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());
    complete(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-11-25"));
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT,
        vars(AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 12,
            AssessmentProcess.Variables.READY_FOR_WORK.name(), true,
            AssessmentProcess.Variables.NEEDS_SOCIAL_SUPPORT.name(), false,
            AssessmentProcess.Variables.SELF_EMPLOYMENT_INTEREST.name(), false,
            AssessmentProcess.Variables.EQF_LEVEL.name(), 3,
            AssessmentProcess.Variables.AVAILABILITY.name(), "PART_TIME"));
    plans.saveDraft(pathway, LORENTEGGIO, draft, "operator.lorenteggio");
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");
    return pathway;
  }

  // ---- tasks and timers

  /** The open task of that kind in the pathway (in the pathway instance or in a process it calls). */
  Task task(UUID pathwayId, String taskKey) {
    Task task = taskService.createTaskQuery()
        .processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s of pathway %s", taskKey, pathwayId).isNotNull();
    return task;
  }

  List<Task> openTasks(UUID pathwayId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString()).list();
  }

  void complete(UUID pathwayId, String taskKey, Map<String, Object> values) {
    taskService.complete(task(pathwayId, taskKey).getId(), values);
  }

  /** The timer job of a boundary event, selected by the event's activity id (not via the task it is attached to). */
  Job timer(UUID pathwayId, String timerId) {
    List<String> instances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(pathwayId.toString())
        .list().stream()
        .map(ProcessInstance::getId)
        .toList();
    List<Job> jobs = managementService.createJobQuery().activityId(timerId).list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .toList();
    assertThat(jobs).as("timer %s of pathway %s", timerId, pathwayId).hasSize(1);
    return jobs.get(0);
  }

  /** Moves the clock one minute past the timer's due date and fires it (the job executor is off in tests). */
  void fireTimer(UUID pathwayId, String timerId) {
    Job job = timer(pathwayId, timerId);
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
    managementService.executeJob(job.getId());
  }

  // ---- variables

  /** Every variable a (possibly ended) process instance had, last value first, from history. */
  Map<String, Object> historicVariables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      values.put(variable.getName(), variable.getValue());
    }
    return values;
  }

  /** Ids of the activities a (possibly ended) process instance has completed or is in. */
  List<String> passedActivities(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }

  /** The instance the pathway called for that process (running or ended). */
  String calledInstanceId(String pathwayInstanceId, String processKey) {
    return historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(pathwayInstanceId)
        .processDefinitionKey(processKey)
        .singleResult()
        .getId();
  }
}
