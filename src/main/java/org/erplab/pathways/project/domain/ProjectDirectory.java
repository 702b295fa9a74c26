package org.erplab.pathways.project.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Projects, their partner organisations and lead entities (tables project, organisation, project_organisation). */
@Service
public class ProjectDirectory {

  private final JdbcClient jdbc;

  public ProjectDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Project> find(String code) {
    return jdbc.sql("select * from project where code = ?").param(code).query(ProjectDirectory::project).optional();
  }

  /** Codes of every project. */
  public List<String> codes() {
    return jdbc.sql("select code from project order by code").query(String.class).list();
  }

  public List<Project> findAll(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from project where code in (:codes) order by code")
        .param("codes", codes)
        .query(ProjectDirectory::project)
        .list();
  }

  public List<Organisation> organisations(String projectCode) {
    return jdbc.sql("""
            select o.code, o.name, o.type from organisation o
            join project_organisation po on po.organisation_code = o.code
            where po.project_code = ? order by o.type, o.code""")
        .param(projectCode)
        .query((rs, i) -> organisation(rs))
        .list();
  }

  public Optional<Organisation> leadEntity(String projectCode) {
    return jdbc.sql("""
            select o.code, o.name, o.type from organisation o
            join project_organisation po on po.organisation_code = o.code
            where po.project_code = ? and po.lead_entity = true""")
        .param(projectCode)
        .query((rs, i) -> organisation(rs))
        .optional();
  }

  public boolean isPartner(String projectCode, String organisationCode, OrganisationType type) {
    return jdbc.sql("""
            select count(*) from project_organisation po join organisation o on o.code = po.organisation_code
            where po.project_code = ? and o.code = ? and o.type = ?""")
        .params(projectCode, organisationCode, type.name())
        .query(Integer.class)
        .single() > 0;
  }

  public Optional<Organisation> organisation(String code) {
    return jdbc.sql("select code, name, type from organisation where code = ?")
        .param(code)
        .query((rs, i) -> organisation(rs))
        .optional();
  }

  private static Organisation organisation(ResultSet rs) throws SQLException {
    return new Organisation(rs.getString("code"), rs.getString("name"), OrganisationType.valueOf(rs.getString("type")));
  }

  private static Project project(ResultSet rs, int row) throws SQLException {
    String patron = rs.getString("patron_day");
    Date start = rs.getDate("start_date");
    Date end = rs.getDate("end_date");
    return new Project(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("municipality"),
        rs.getString("province"),
        patron == null ? null : MonthDay.parse("--" + patron),
        rs.getString("patron_day_name"),
        start == null ? null : start.toLocalDate(),
        end == null ? null : end.toLocalDate());
  }
}
