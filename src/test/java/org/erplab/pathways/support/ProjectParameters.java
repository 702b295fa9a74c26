package org.erplab.pathways.support;

import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's own programme parameters for one test, written as versions valid since 2000-01-01 (rows of
 * {@code programme_parameter_version}, without the API's checks, so a test may also write a value the API refuses) and
 * taken back by {@link #close()} with every other version of the same names; the 30-second read cache is forgotten both
 * times, so the values count at once.
 */
public final class ProjectParameters implements AutoCloseable {

  private final ApplicationContext context;
  private final String project;
  private final String[] names;

  private ProjectParameters(ApplicationContext context, String project, String[] names) {
    this.context = context;
    this.project = project;
    this.names = names;
  }

  /** Sets {@code name} to {@code value} (and further name, value pairs) for {@code project}. */
  public static ProjectParameters set(ApplicationContext context, String project, String name, String value,
      String... more) {
    String[] names = new String[1 + more.length / 2];
    names[0] = name;
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    insert(jdbc, project, name, value);
    for (int i = 0; i + 1 < more.length; i += 2) {
      names[1 + i / 2] = more[i];
      insert(jdbc, project, more[i], more[i + 1]);
    }
    context.getBean(ProgrammeParameters.class).forget();
    return new ProjectParameters(context, project, names);
  }

  /** Takes back the named parameters of {@code project} (whether this test set them or not). */
  public static void clear(ApplicationContext context, String project, String... names) {
    new ProjectParameters(context, project, names).close();
  }

  @Override
  public void close() {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    for (String name : names) {
      jdbc.sql("delete from programme_parameter_version where project_code = ? and name = ?").params(project, name)
          .update();
    }
    context.getBean(ProgrammeParameters.class).forget();
  }

  private static void insert(JdbcClient jdbc, String project, String name, String value) {
    jdbc.sql("""
            insert into programme_parameter_version
              (project_code, name, param_value, valid_from, reason, changed_by, changed_at)
            values (?, ?, ?, date '2000-01-01', 'test', 'test', current_timestamp)""")
        .params(project, name, value).update();
  }
}
