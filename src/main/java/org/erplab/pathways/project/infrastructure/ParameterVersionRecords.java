package org.erplab.pathways.project.infrastructure;

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
    return jdbc.sql("""
            select id, project_code, name, param_value as value, valid_from, previous_value, reason, changed_by, changed_at
            from programme_parameter_version where project_code = ? order by id""")
        .param(projectCode).query(ParameterVersion.class).list();
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
