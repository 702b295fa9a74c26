package org.erplab.pathways.project.domain;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Programme parameters (deadlines, caps, thresholds): a project's own value from table {@code programme_parameter},
 * else the programme default from configuration ({@code programme.defaults}). Managers change them, not programmers.
 */
@Service
public class ProgrammeParameters {

  private final JdbcClient jdbc;
  private final Defaults defaults;

  public ProgrammeParameters(JdbcClient jdbc, Defaults defaults) {
    this.jdbc = jdbc;
    this.defaults = defaults;
  }

  public String value(String projectCode, String name) {
    Optional<String> own = jdbc.sql("select param_value from programme_parameter where project_code = ? and name = ?")
        .params(projectCode, name)
        .query(String.class)
        .optional();
    return own.or(() -> Optional.ofNullable(defaults.defaults().get(name)))
        .orElseThrow(() -> new IllegalStateException("Programme parameter not configured: " + name));
  }

  public int intValue(String projectCode, String name) {
    return Integer.parseInt(value(projectCode, name).trim());
  }

  @ConfigurationProperties("programme")
  public record Defaults(Map<String, String> defaults) {}
}
