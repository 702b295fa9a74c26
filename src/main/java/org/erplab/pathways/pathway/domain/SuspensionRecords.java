package org.erplab.pathways.pathway.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code pathway_suspension} and {@code reason}. */
@Repository
public class SuspensionRecords {

  /** Lists of reasons. */
  public enum ReasonList { SUSPENSION, WITHDRAWAL }

  private final JdbcClient jdbc;

  public SuspensionRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Suspension s) {
    jdbc.sql("""
            insert into pathway_suspension (id, pathway_id, project_operation_id, reason, expected_resumption,
            suspended_at, suspended_by) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(s.id(), s.pathwayId(), s.projectOperationId(), s.reason(), s.expectedResumption(), s.suspendedAt(),
            s.suspendedBy())
        .update();
  }

  public List<Suspension> open(UUID pathwayId) {
    return jdbc.sql("select * from pathway_suspension where pathway_id = ? and resumed_at is null order by suspended_at")
        .param(pathwayId).query(Suspension.class).list();
  }

  public List<Suspension> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from pathway_suspension where pathway_id = ? order by suspended_at")
        .param(pathwayId).query(Suspension.class).list();
  }

  public void end(UUID id, OffsetDateTime at, String user, String note) {
    jdbc.sql("update pathway_suspension set resumed_at = ?, resumed_by = ?, resumption_note = ? where id = ?")
        .params(at, user, note, id).update();
  }

  public void recordShift(UUID id, int workingDays, int calendarDays) {
    jdbc.sql("update pathway_suspension set shifted_working_days = ?, shifted_calendar_days = ? where id = ?")
        .params(workingDays, calendarDays, id).update();
  }

  public boolean reasonExists(ReasonList list, String code) {
    return jdbc.sql("select count(*) from reason where reason_list = ? and code = ?").params(list.name(), code)
        .query(Integer.class).single() > 0;
  }

  public List<Reason> reasons(ReasonList list) {
    return jdbc.sql("select code, name from reason where reason_list = ? order by code").param(list.name())
        .query(Reason.class).list();
  }

  public void addReason(ReasonList list, Reason reason) {
    jdbc.sql("insert into reason (reason_list, code, name) values (?, ?, ?)").params(list.name(), reason.code(), reason.name())
        .update();
  }

  /** A reason offered in a list: a code kept in records, and its Italian name. */
  public record Reason(String code, String name) {}
}
