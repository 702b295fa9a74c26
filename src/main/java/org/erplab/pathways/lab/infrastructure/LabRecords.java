package org.erplab.pathways.lab.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.lab.domain.LabActivity.Signal;
import org.erplab.pathways.lab.domain.LabActivity.Visit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code lab_visit} and {@code lab_signal} (V26). */
@Repository
public class LabRecords {

  /** The most rows of one page. */
  public static final int MAX_RESULTS = 500;

  private static final RowMapper<Visit> VISIT = (rs, i) -> new Visit(rs.getObject("id", UUID.class),
      rs.getString("project_code"), rs.getObject("visited_on", LocalDate.class),
      rs.getObject("participant_id", UUID.class), rs.getString("gender"), (Integer) rs.getObject("age"),
      rs.getString("age_band"), rs.getString("citizenship_area"), rs.getString("origin_area"),
      rs.getString("activity_type"),
      rs.getInt("duration_minutes"), rs.getObject("pathway_id", UUID.class), rs.getString("recorded_by"),
      rs.getObject("recorded_at", OffsetDateTime.class));
  private static final RowMapper<Signal> SIGNAL = (rs, i) -> new Signal(rs.getObject("id", UUID.class),
      rs.getObject("visit_id", UUID.class), rs.getString("project_code"), rs.getObject("raised_on", LocalDate.class),
      rs.getString("category"), rs.getString("passed_to"), rs.getString("outcome"), rs.getString("recorded_by"),
      rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("updated_by"),
      rs.getObject("updated_at", OffsetDateTime.class));

  private final JdbcClient jdbc;

  public LabRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Visit v) {
    jdbc.sql("""
            insert into lab_visit (id, project_code, visited_on, participant_id, gender, age, age_band, citizenship_area,
                                   origin_area, activity_type, duration_minutes, pathway_id, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.id(), v.projectCode(), v.visitedOn(), v.participantId(), v.gender(), v.age(), v.ageBand(),
            v.citizenshipArea(), v.originArea(), v.activityType(), v.durationMinutes(), v.pathwayId(), v.recordedBy(), v.recordedAt())
        .update();
  }

  public void insert(Signal s) {
    jdbc.sql("""
            insert into lab_signal (id, visit_id, project_code, raised_on, category, passed_to, outcome, recorded_by,
                                    recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(s.id(), s.visitId(), s.projectCode(), s.raisedOn(), s.category(), s.passedTo(), s.outcome(),
            s.recordedBy(), s.recordedAt())
        .update();
  }

  public Optional<Visit> visit(UUID id) {
    return jdbc.sql("select * from lab_visit where id = ?").param(id).query(VISIT).optional();
  }

  /** Locks the visit's row (a pathway started from it). */
  public Optional<Visit> visitForUpdate(UUID id) {
    return jdbc.sql("select * from lab_visit where id = ? for update").param(id).query(VISIT).optional();
  }

  public Optional<Signal> signal(UUID id) {
    return jdbc.sql("select * from lab_signal where id = ?").param(id).query(SIGNAL).optional();
  }

  public List<Signal> signalsOf(UUID visitId) {
    return jdbc.sql("select * from lab_signal where visit_id = ? order by recorded_at, id").param(visitId)
        .query(SIGNAL).list();
  }

  public void updateSignal(UUID id, String passedTo, String outcome, String user, OffsetDateTime at) {
    jdbc.sql("update lab_signal set passed_to = ?, outcome = ?, updated_by = ?, updated_at = ? where id = ?")
        .params(passedTo, outcome, user, at, id).update();
  }

  /** The visit started that pathway; its visitor is now the pathway's participant. */
  public void startedPathway(UUID visitId, UUID pathwayId, UUID participantId) {
    jdbc.sql("update lab_visit set pathway_id = ?, participant_id = ? where id = ?")
        .params(pathwayId, participantId, visitId).update();
  }

  /** Visits of the projects, newest first; null filters do not narrow. */
  public List<Visit> visits(Collection<String> projects, LocalDate from, LocalDate to, UUID participant,
      String activityType, int firstResult, int maxResults) {
    Query q = new Query("select * from lab_visit where project_code in (:projects)", projects);
    q.when(from, "visited_on >= :from", "from");
    q.when(to, "visited_on <= :to", "to");
    q.when(participant, "participant_id = :participant", "participant");
    q.when(activityType, "activity_type = :type", "type");
    return q.page("visited_on desc, recorded_at desc, id", firstResult, maxResults).query(VISIT).list();
  }

  /** Signals of the projects, newest first; null filters do not narrow. */
  public List<Signal> signals(Collection<String> projects, LocalDate from, LocalDate to, String category,
      Collection<String> passedTo, String outcome, int firstResult, int maxResults) {
    Query q = new Query("select * from lab_signal where project_code in (:projects)", projects);
    q.when(from, "raised_on >= :from", "from");
    q.when(to, "raised_on <= :to", "to");
    q.when(category, "category = :category", "category");
    q.when(passedTo, "passed_to in (:passedTo)", "passedTo");
    q.when(outcome, "outcome = :outcome", "outcome");
    return q.page("raised_on desc, recorded_at desc, id", firstResult, maxResults).query(SIGNAL).list();
  }

  /** A query narrowed by the filters that have a value. */
  private final class Query {
    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();

    Query(String select, Collection<String> projects) {
      this.sql = new StringBuilder(select);
      params.put("projects", projects);
    }

    void when(Object value, String condition, String name) {
      if (value != null) {
        conditions.add(condition);
        params.put(name, value);
      }
    }

    JdbcClient.StatementSpec page(String order, int firstResult, int maxResults) {
      conditions.forEach(c -> sql.append(" and ").append(c));
      sql.append(" order by ").append(order).append(" offset :first rows fetch next :max rows only");
      params.put("first", firstResult);
      params.put("max", maxResults);
      return jdbc.sql(sql.toString()).params(params);
    }
  }
}
