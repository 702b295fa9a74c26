package org.erplab.pathways.project.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.erplab.pathways.project.domain.ParameterVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code programme_parameter_version}: rows are added, never changed (ADR 0030). */
@Repository
public class ParameterVersionRecords {

  private final JdbcClient jdbc;

  public ParameterVersionRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every version of every parameter of the project, in the order they were made. */
  public List<ParameterVersion> ofProject(String projectCode) {
    // mapped by hand: "value" is a reserved word of H2, so the column keeps its name param_value
    return jdbc.sql("select * from programme_parameter_version where project_code = ? order by id")
        .param(projectCode)
        .query((rs, i) -> new ParameterVersion(rs.getLong("id"), rs.getString("project_code"), rs.getString("name"),
            rs.getString("param_value"), rs.getObject("valid_from", LocalDate.class), rs.getString("previous_value"),
            rs.getString("reason"), rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class)))
        .list();
  }

  public void insert(ParameterVersion version) {
    jdbc.sql("""
            insert into programme_parameter_version
              (project_code, name, param_value, valid_from, previous_value, reason, changed_by, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(version.projectCode(), version.name(), version.value(), version.validFrom(), version.previousValue(),
            version.reason(), version.changedBy(), version.changedAt())
        .update();
  }

  /** Serialises the changes of one project's parameters: the project's row, locked until the transaction ends. */
  public boolean lockProject(String projectCode) {
    return !jdbc.sql("select code from project where code = ? for update").param(projectCode).query(String.class)
        .list().isEmpty();
  }
}
