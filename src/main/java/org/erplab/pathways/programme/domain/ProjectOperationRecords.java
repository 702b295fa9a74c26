package org.erplab.pathways.programme.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.programme.domain.ProjectOperation.ItemState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code project_operation} and {@code project_operation_item}. */
@Repository
public class ProjectOperationRecords {

  private static final String SELECT = """
      select o.id, o.project_code, o.kind, o.pause_id, o.reason, o.expected_resumption, o.status, o.total,
        (select count(*) from project_operation_item i where i.operation_id = o.id and i.state = 'PENDING') as pending,
        (select count(*) from project_operation_item i where i.operation_id = o.id and i.state = 'DONE') as done,
        (select count(*) from project_operation_item i where i.operation_id = o.id and i.state = 'SKIPPED') as skipped,
        (select count(*) from project_operation_item i where i.operation_id = o.id and i.state = 'FAILED') as failed,
        o.requested_by, o.requested_at, o.finished_at
      from project_operation o""";

  private final JdbcClient jdbc;

  public ProjectOperationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the project's row: operations on one project are decided one at a time. False for an unknown project. */
  public boolean lockProject(String projectCode) {
    return jdbc.sql("select code from project where code = ? for update").param(projectCode).query(String.class)
        .optional().isPresent();
  }

  /**
   * Records the operation and its items, one per pathway the {@code items} query returns (its one parameter is the
   * value given), and the total.
   */
  public void insert(UUID id, String projectCode, ProjectOperation.Kind kind, UUID pauseId, String reason,
      LocalDate expectedResumption, String note, String user, OffsetDateTime at, String itemsQuery, Object itemsParam) {
    jdbc.sql("""
            insert into project_operation (id, project_code, kind, pause_id, reason, expected_resumption, note, status,
            total, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?)""")
        .params(id, projectCode, kind.name(), pauseId, reason, expectedResumption, note, user, at).update();
    int total = jdbc.sql("insert into project_operation_item (operation_id, pathway_id, state) select ?, p.id, 'PENDING' "
            + itemsQuery)
        .params(id, itemsParam).update();
    jdbc.sql("update project_operation set total = ? where id = ?").params(total, id).update();
  }

  public Optional<ProjectOperation> find(UUID id) {
    return jdbc.sql(SELECT + " where o.id = ?").param(id).query(ProjectOperation.class).optional();
  }

  public List<ProjectOperation> ofProject(String projectCode) {
    return jdbc.sql(SELECT + " where o.project_code = ? order by o.requested_at desc").param(projectCode)
        .query(ProjectOperation.class).list();
  }

  public boolean hasRunning(String projectCode) {
    return jdbc.sql("select count(*) from project_operation where project_code = ? and status = 'RUNNING'")
        .param(projectCode).query(Integer.class).single() > 0;
  }

  /** The project's pause still in force: its last {@code SUSPEND} that no {@code RESUME} ended. */
  public Optional<ProjectOperation> openPause(String projectCode) {
    return jdbc.sql(SELECT + """
             where o.project_code = ? and o.kind = 'SUSPEND'
              and not exists (select 1 from project_operation r where r.pause_id = o.id)
            order by o.requested_at desc""")
        .param(projectCode).query(ProjectOperation.class).list().stream().findFirst();
  }

  public List<UUID> running() {
    return jdbc.sql("select id from project_operation where status = 'RUNNING' order by requested_at")
        .query(UUID.class).list();
  }

  /** The next pathways the operation has still to do, in id order. */
  public List<UUID> pendingBatch(UUID id, int size) {
    return jdbc.sql("""
            select pathway_id from project_operation_item where operation_id = ? and state = 'PENDING'
            order by pathway_id limit ?""")
        .params(id, size).query(UUID.class).list();
  }

  public void markItem(UUID id, UUID pathwayId, ItemState state, String detail) {
    jdbc.sql("update project_operation_item set state = ?, detail = ? where operation_id = ? and pathway_id = ?")
        .params(state.name(), detail, id, pathwayId).update();
  }

  public void finish(UUID id, OffsetDateTime at) {
    jdbc.sql("update project_operation set status = 'DONE', finished_at = ? where id = ?").params(at, id).update();
  }

  /** The note of the operation (a pause's resumption note), if any. */
  public Optional<String> note(UUID id) {
    return jdbc.sql("select note from project_operation where id = ?").param(id).query(String.class).optional();
  }
}
