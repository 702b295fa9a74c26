package org.erplab.pathways.security.infrastructure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code login_throttle}: failed logins per key, shared by every node. */
@Repository
public class LoginThrottleRecords {

  private final JdbcClient jdbc;

  public LoginThrottleRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Entry> find(String key) {
    return jdbc.sql("select throttle_key, failures, last_failure_at, blocked_until from login_throttle where throttle_key = ?")
        .param(key).query(LoginThrottleRecords::entry).optional();
  }

  public void save(Entry entry) {
    int updated = jdbc.sql("update login_throttle set failures = ?, last_failure_at = ?, blocked_until = ? where throttle_key = ?")
        .params(entry.failures(), entry.lastFailureAt(), entry.blockedUntil(), entry.key()).update();
    if (updated == 0) {
      jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at, blocked_until) values (?, ?, ?, ?)")
          .params(entry.key(), entry.failures(), entry.lastFailureAt(), entry.blockedUntil()).update();
    }
  }

  public int delete(String key) {
    return jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
  }

  public int deleteAll() {
    return jdbc.sql("delete from login_throttle").update();
  }

  /** Entries blocked after {@code now}, soonest end first. */
  public List<Entry> blockedAfter(OffsetDateTime now) {
    return jdbc.sql("""
            select throttle_key, failures, last_failure_at, blocked_until from login_throttle
            where blocked_until > ? order by blocked_until""")
        .param(now).query(LoginThrottleRecords::entry).list();
  }

  public List<Entry> all() {
    return jdbc.sql("select throttle_key, failures, last_failure_at, blocked_until from login_throttle order by throttle_key")
        .query(LoginThrottleRecords::entry).list();
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
        rs.getObject(4, OffsetDateTime.class));
  }

  public record Entry(String key, int failures, OffsetDateTime lastFailureAt, OffsetDateTime blockedUntil) {}
}
