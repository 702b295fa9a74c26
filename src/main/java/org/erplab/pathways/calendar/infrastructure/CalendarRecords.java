package org.erplab.pathways.calendar.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code holiday} (national holidays) and {@code project_closure} (a project's extra closed days). */
@Repository
public class CalendarRecords {

  private final JdbcClient jdbc;

  public CalendarRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A national holiday: month, day, Italian name, first and last year of validity (null: open). */
  public record HolidayRow(int month, int day, String name, Integer validFromYear, Integer validToYear) {}

  /** A day the project is closed, who added it and when. */
  public record Closure(LocalDate date, String name, String createdBy, OffsetDateTime createdAt) {}

  public List<HolidayRow> nationalHolidays() {
    return jdbc.sql("""
            select holiday_month, holiday_day, name, valid_from_year, valid_to_year from holiday
            order by holiday_month, holiday_day""")
        .query((rs, i) -> new HolidayRow(rs.getInt("holiday_month"), rs.getInt("holiday_day"), rs.getString("name"),
            rs.getObject("valid_from_year", Integer.class), rs.getObject("valid_to_year", Integer.class)))
        .list();
  }

  public List<Closure> closures(String projectCode) {
    return jdbc.sql("""
            select closure_date, name, created_by, created_at from project_closure where project_code = ?
            order by closure_date""")
        .param(projectCode)
        .query((rs, i) -> closure(rs))
        .list();
  }

  public Optional<Closure> closure(String projectCode, LocalDate date) {
    return jdbc.sql("""
            select closure_date, name, created_by, created_at from project_closure
            where project_code = ? and closure_date = ?""")
        .params(projectCode, date)
        .query((rs, i) -> closure(rs))
        .optional();
  }

  /** Adds the closure; a second closure of the same project on the same day fails (unique key). */
  public void addClosure(String projectCode, Closure closure) {
    jdbc.sql("""
            insert into project_closure (project_code, closure_date, name, created_by, created_at)
            values (?, ?, ?, ?, ?)""")
        .params(projectCode, closure.date(), closure.name(), closure.createdBy(), closure.createdAt())
        .update();
  }

  /** Removes the project's closure on that day; false if there was none. */
  public boolean deleteClosure(String projectCode, LocalDate date) {
    return jdbc.sql("delete from project_closure where project_code = ? and closure_date = ?")
        .params(projectCode, date)
        .update() > 0;
  }

  private static Closure closure(ResultSet rs) throws SQLException {
    return new Closure(rs.getObject("closure_date", LocalDate.class), rs.getString("name"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
