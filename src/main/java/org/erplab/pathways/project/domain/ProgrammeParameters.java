package org.erplab.pathways.project.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.erplab.pathways.common.domain.ReadCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Programme parameters (deadlines, caps, thresholds): a project's own value from table {@code programme_parameter},
 * else the programme default from configuration ({@code programme.defaults}). Managers change them, not programmers.
 *
 * <p>A project's own values are read together and kept for {@code programme.read-cache.ttl} (30 s by default, ADR
 * 0024): a row changed in SQL counts from then on, at once after {@link #forget()}.
 */
@Service
public class ProgrammeParameters {

  private final JdbcClient jdbc;
  private final Defaults defaults;
  private final ReadCache<String, Map<String, String>> own;

  public ProgrammeParameters(JdbcClient jdbc, Defaults defaults,
      @Value("${programme.read-cache.ttl:PT30S}") Duration ttl) {
    this.jdbc = jdbc;
    this.defaults = defaults;
    this.own = new ReadCache<>(ttl, 1_000);
  }

  public String value(String projectCode, String name) {
    return Optional.ofNullable(own.get(projectCode, this::read).get(name))
        .or(() -> Optional.ofNullable(defaults.defaults().get(name)))
        .orElseThrow(() -> new IllegalStateException("Programme parameter not configured: " + name));
  }

  /** Forgets the values read: the next use reads table {@code programme_parameter} again. */
  public void forget() {
    own.forgetAll();
  }

  private Map<String, String> read(String projectCode) {
    return jdbc.sql("select name, param_value from programme_parameter where project_code = ?")
        .param(projectCode)
        .query((rs, i) -> Map.entry(rs.getString("name"), rs.getString("param_value")))
        .list().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  public int intValue(String projectCode, String name) {
    return Integer.parseInt(value(projectCode, name).trim());
  }

  @ConfigurationProperties("programme")
  public record Defaults(Map<String, String> defaults) {}
}
