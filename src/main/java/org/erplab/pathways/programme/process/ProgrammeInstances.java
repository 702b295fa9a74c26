package org.erplab.pathways.programme.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.pathway.process.ProgrammeProcess;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.process.ProcessStarts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code programme} instance of each project: started for every project with an end date that has none (at
 * start-up, and when a project gets its first end date), told when the end date changes. A project whose programme
 * ended keeps its completed instance and gets no new one.
 */
@Component
public class ProgrammeInstances {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeInstances.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ProjectDirectory projects;
  private final EngineAccess engine;

  public ProgrammeInstances(RuntimeService runtimeService, HistoryService historyService, ProjectDirectory projects,
      EngineAccess engine) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.projects = projects;
    this.engine = engine;
  }

  @Value("${programme.start-at-startup:true}")
  private boolean startAtStartup;

  /**
   * After the projects exist (demo data is loaded at order 10). Tests switch this off (property
   * {@code programme.start-at-startup}): process test coverage records no instance started before a test runs.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void atStartup() {
    if (startAtStartup) {
      ensureAll();
    }
  }

  /** Starts the programme of every project with an end date that has none running or ended. */
  public void ensureAll() {
    for (Project project : projects.findAll(projects.codes())) {
      if (project.endDate() != null) {
        ensure(project.code(), project.endDate());
      }
    }
  }

  /** The running instance of the project, or null. */
  public ProcessInstance running(String projectCode) {
    return engine.asSystem(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProgrammeProcess.KEY).tenantIdIn(projectCode).singleResult());
  }

  /**
   * True when the project's programme ended: its open pathways were interrupted (the instance then waits for the last
   * year's report, or has completed).
   */
  public boolean ended(String projectCode) {
    // the project's programme instances (one, or one per restart), then the activity within each: by process
    // instance, so the activity history of the project's pathways is never scanned
    return engine.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProgrammeProcess.KEY).tenantIdIn(projectCode).list().stream()
        .anyMatch(instance -> org.camunda.bpm.engine.history.HistoricProcessInstance.STATE_COMPLETED
            .equals(instance.getState()) || historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).activityId(ProgrammeProcess.Elements.SERVICE_INTERRUPT_PATHWAYS)
            .finished().count() > 0));
  }

  /** The project's end date changed: its instance starts its timers again from the new date. */
  public void endDateChanged(String projectCode, LocalDate endDate) {
    engine.asSystem(() -> {
      ProcessInstance instance = running(projectCode);
      if (instance == null) {
        ensure(projectCode, endDate);
      } else {
        runtimeService.createMessageCorrelation(ProgrammeProcess.END_CHANGED)
            .processInstanceId(instance.getId())
            .setVariable(ProgrammeProcess.Variables.END_DATE.name(), endDate.toString())
            .correlateWithResult();
      }
      return null;
    });
  }

  private void ensure(String projectCode, LocalDate endDate) {
    engine.asSystem(() -> {
      if (running(projectCode) == null && !ended(projectCode)) {
        ProcessStarts.permit(ProgrammeProcess.KEY, projectCode,
            () -> runtimeService.createProcessInstanceByKey(ProgrammeProcess.KEY)
                .processDefinitionWithoutTenantId()
                .setVariables(Variables.createVariables()
                    .putValue(ProgrammeProcess.Variables.END_DATE.name(), endDate.toString()))
                .execute());
        LOG.info("Programme of project {} runs until {}", projectCode, endDate);
      }
      return null;
    });
  }
}
