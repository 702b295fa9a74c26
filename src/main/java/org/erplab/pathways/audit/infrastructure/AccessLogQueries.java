package org.erplab.pathways.audit.infrastructure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of reads of personal files ({@code participant_access_log}) as auditors browse it: by participant, user and
 * period, within the caller's projects, newest first. Each filter has its index (V1, V25).
 */
@Repository
public class AccessLogQueries {

  /** The most rows of one page. */
  public static final int MAX_RESULTS = 500;

  private final JdbcClient jdbc;

  public AccessLogQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A read of a file: when, whose (pseudonymous participant id), in which project, by whom, through which door. */
  public record Access(OffsetDateTime at, UUID participantId, String projectCode, String userId, String channel) {}

  /** A filter; null fields do not narrow. {@code to} is exclusive. */
  public record Filter(Collection<String> projects, UUID participant, String user, OffsetDateTime from,
      OffsetDateTime to) {}

  public List<Access> page(Filter filter, int firstResult, int maxResults) {
    if (filter.projects().isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("""
        select accessed_at, participant_id, project_code, user_id, access_channel from participant_access_log
        where project_code in (:projects)""");
    List<String> conditions = new ArrayList<>();
    if (filter.participant() != null) {
      conditions.add("participant_id = :participant");
    }
    if (filter.user() != null) {
      conditions.add("user_id = :user");
    }
    if (filter.from() != null) {
      conditions.add("accessed_at >= :from");
    }
    if (filter.to() != null) {
      conditions.add("accessed_at < :to");
    }
    conditions.forEach(c -> sql.append(" and ").append(c));
    sql.append(" order by accessed_at desc, id desc offset :first rows fetch next :max rows only");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
        .param("projects", filter.projects())
        .param("first", firstResult)
        .param("max", maxResults);
    if (filter.participant() != null) {
      statement = statement.param("participant", filter.participant());
    }
    if (filter.user() != null) {
      statement = statement.param("user", filter.user());
    }
    if (filter.from() != null) {
      statement = statement.param("from", filter.from());
    }
    if (filter.to() != null) {
      statement = statement.param("to", filter.to());
    }
    return statement.query((rs, i) -> new Access(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }
}
