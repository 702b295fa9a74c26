package org.erplab.pathways.deadline.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code deadline}: every read is one indexed query. */
@Repository
public class DeadlineRecords {

  private final JdbcClient jdbc;

  public DeadlineRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Deadline d) {
    jdbc.sql("""
            insert into deadline (id, pathway_id, project_code, kind, process_instance_id, execution_id, activity_id,
            timer_activity_id, task_id, basis, length_value, parameter, starts_on, due_at, original_due_at, state,
            shifted_working_days, shifted_calendar_days, created_at, closed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.pathwayId(), d.projectCode(), d.kind(), d.processInstanceId(), d.executionId(),
            d.activityId(), d.timerActivityId(), d.taskId(), d.basis(), d.lengthValue(), d.parameter(), d.startsOn(),
            d.dueAt(), d.originalDueAt(), d.state(), d.shiftedWorkingDays(), d.shiftedCalendarDays(), d.createdAt(),
            d.closedAt())
        .update();
  }

  /** The open deadline of that kind guarding an element of that execution, if any. */
  public Optional<Deadline> findOpen(String executionId, String activityId, String kind) {
    return jdbc.sql("""
            select * from deadline where execution_id = ? and state = 'OPEN' and activity_id = ? and kind = ?""")
        .params(executionId, activityId, kind).query(Deadline.class).optional();
  }

  /** Open deadlines guarding an element of that execution (a task and its timer share the execution). */
  public List<Deadline> openOf(String executionId, String activityId) {
    return jdbc.sql("select * from deadline where execution_id = ? and state = 'OPEN' and activity_id = ?")
        .params(executionId, activityId).query(Deadline.class).list();
  }

  /** Every deadline of the pathway, by due date. */
  public List<Deadline> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from deadline where pathway_id = ? order by due_at, created_at")
        .param(pathwayId).query(Deadline.class).list();
  }

  public List<Deadline> openOfPathway(UUID pathwayId) {
    return jdbc.sql("select * from deadline where pathway_id = ? and state = 'OPEN' order by due_at")
        .param(pathwayId).query(Deadline.class).list();
  }

  /** The deadlines of these tasks (a task list page), in one query. */
  public List<Deadline> ofTasks(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from deadline where task_id in (:ids)").param("ids", taskIds).query(Deadline.class).list();
  }

  public List<Deadline> ofTask(String taskId) {
    return jdbc.sql("select * from deadline where task_id = ?").param(taskId).query(Deadline.class).list();
  }

  /** The open deadlines guarding that element of that execution, not yet of a task, learn the task (one statement). */
  public void attachTask(String executionId, String activityId, String taskId) {
    jdbc.sql("update deadline set task_id = ? "
            + "where execution_id = ? and state = 'OPEN' and activity_id = ? and task_id is null")
        .params(taskId, executionId, activityId).update();
  }

  /** Closes an open deadline; false if it was no longer open. */
  public boolean close(UUID id, Deadline.State state, OffsetDateTime at) {
    return jdbc.sql("update deadline set state = ?, closed_at = ? where id = ? and state = 'OPEN'")
        .params(state.name(), at, id).update() == 1;
  }

  /** A new due date, not a shift (an approved extension). */
  public void moveDue(UUID id, OffsetDateTime due) {
    jdbc.sql("update deadline set due_at = ? where id = ?").params(due, id).update();
  }

  public void shift(UUID id, OffsetDateTime due, int workingDays, int calendarDays) {
    jdbc.sql("""
            update deadline set due_at = ?, shifted_working_days = shifted_working_days + ?,
            shifted_calendar_days = shifted_calendar_days + ? where id = ?""")
        .params(due, workingDays, calendarDays, id).update();
  }
}
