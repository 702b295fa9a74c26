package org.erplab.pathways.programme.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.programme.process.ProgrammeInstances;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's end date of a project, changed by a manager (an extension, or an earlier end), each change kept with
 * who and why ({@code project_end_change}). The {@code programme} model is told in the same transaction, so its warning
 * and its end timers start again from the new date.
 */
@Service
public class ProgrammeEnd {

  private final JdbcClient jdbc;
  private final ProjectDirectory projects;
  private final ProjectOperationRecords operations;
  private final ProgrammeInstances instances;

  public ProgrammeEnd(JdbcClient jdbc, ProjectDirectory projects, ProjectOperationRecords operations,
      ProgrammeInstances instances) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.operations = operations;
    this.instances = instances;
  }

  /**
   * @throws ApiException 400 for a date before the project's start or before today, or a blank reason; 404 for an
   *     unknown project; 409 when the programme has ended already
   */
  @Transactional
  public EndChange change(String projectCode, LocalDate endDate, String reason, String user) {
    if (!operations.lockProject(projectCode)) {
      throw ApiException.notFound("No such project");
    }
    Project project = projects.find(projectCode).orElseThrow();
    LocalDate today = EngineClock.today();
    if (instances.ended(projectCode)) {
      throw ApiException.conflict("The programme of the project ended on " + project.endDate()
          + ": its end date no longer changes");
    }
    if (project.startDate() != null && endDate.isBefore(project.startDate())) {
      throw ApiException.badRequest("endDate", "must not be before the project's start (" + project.startDate() + ")");
    }
    if (endDate.isBefore(today)) {
      throw ApiException.badRequest("endDate", "must not be in the past");
    }
    EndChange change = new EndChange(UUID.randomUUID(), projectCode, project.endDate(), endDate, reason, user,
        EngineClock.now());
    jdbc.sql("update project set end_date = ? where code = ?").params(endDate, projectCode).update();
    jdbc.sql("""
            insert into project_end_change (id, project_code, old_end_date, new_end_date, reason, changed_by, changed_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(change.id(), projectCode, change.oldEndDate(), endDate, reason, user, change.changedAt()).update();
    instances.endDateChanged(projectCode, endDate);
    return change;
  }

  @Transactional(readOnly = true)
  public List<EndChange> changes(String projectCode) {
    return jdbc.sql("select * from project_end_change where project_code = ? order by changed_at")
        .param(projectCode).query(EndChange.class).list();
  }

  /** One change of a project's end date. */
  public record EndChange(UUID id, String projectCode, LocalDate oldEndDate, LocalDate newEndDate, String reason,
      String changedBy, OffsetDateTime changedAt) {}
}
