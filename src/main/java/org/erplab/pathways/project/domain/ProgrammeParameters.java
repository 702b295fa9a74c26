package org.erplab.pathways.project.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.InvalidInputException;
import org.erplab.pathways.common.domain.ReadCache;
import org.erplab.pathways.project.infrastructure.ParameterVersionRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programme parameters (deadlines, caps, thresholds, rates), named by {@link ProgrammeParameter}: a project's own value
 * on a day is its latest version valid from that day or earlier (table {@code programme_parameter_version}), else the
 * programme default from configuration ({@code programme.defaults}). Managers change them through the API, each change
 * from a day on, never before today: what was computed or set before (a deadline's length, an indemnity already
 * paid) keeps the value of its day (ADR 0030).
 *
 * <p>A project's versions are read together and kept for {@code programme.read-cache.ttl} (30 s by default, ADR
 * 0024): a change through this node counts at once, a row changed in SQL or on another node after at most that, at
 * once after {@link #forget()}.
 */
@Service
public class ProgrammeParameters {

  private static final Comparator<ParameterVersion> IN_FORCE_ORDER =
      Comparator.comparing(ParameterVersion::validFrom).thenComparingLong(ParameterVersion::id);

  private final ParameterVersionRecords records;
  private final Defaults defaults;
  private final ReadCache<String, List<ParameterVersion>> versions;
  private final ApplicationEventPublisher events;

  public ProgrammeParameters(ParameterVersionRecords records, Defaults defaults,
      @Value("${programme.read-cache.ttl:PT30S}") Duration ttl, ApplicationEventPublisher events) {
    this.records = records;
    this.defaults = defaults;
    this.versions = new ReadCache<>(ttl, 1_000);
    this.events = events;
  }

  /** The project's value of the parameter today (the engine's day). */
  public String value(String projectCode, String name) {
    return value(projectCode, parameter(name), EngineClock.today());
  }

  public int intValue(String projectCode, String name) {
    return Integer.parseInt(value(projectCode, name).trim());
  }

  /** The project's value of the parameter on {@code day}: its version in force then, else the default. */
  public String value(String projectCode, ProgrammeParameter parameter, LocalDate day) {
    return inForce(projectCode, parameter, day).map(ParameterVersion::value).orElseGet(() -> defaultValue(parameter));
  }

  /** The project's version in force on {@code day}, if it has one (else the default counts). */
  public Optional<ParameterVersion> inForce(String projectCode, ProgrammeParameter parameter, LocalDate day) {
    return versions(projectCode).stream()
        .filter(v -> v.name().equals(parameter.key()) && !v.validFrom().isAfter(day))
        .max(IN_FORCE_ORDER);
  }

  /** The project's versions that count from a day after {@code day}, earliest first. */
  public List<ParameterVersion> scheduledAfter(String projectCode, ProgrammeParameter parameter, LocalDate day) {
    return versions(projectCode).stream()
        .filter(v -> v.name().equals(parameter.key()) && v.validFrom().isAfter(day))
        .sorted(IN_FORCE_ORDER).toList();
  }

  /** Every change of the parameter in the project, latest first. */
  public List<ParameterVersion> history(String projectCode, ProgrammeParameter parameter) {
    return versions(projectCode).stream().filter(v -> v.name().equals(parameter.key()))
        .sorted(Comparator.comparingLong(ParameterVersion::id).reversed()).toList();
  }

  public String defaultValue(ProgrammeParameter parameter) {
    return Optional.ofNullable(defaults.defaults().get(parameter.key()))
        .orElseThrow(() -> new IllegalStateException("Programme parameter not configured: " + parameter.key()));
  }

  /**
   * Sets the project's parameter to {@code value} from {@code validFrom} on (today when null), and records who, when,
   * why and the value it replaces on that day. A later version already scheduled stays: it still counts from its day.
   *
   * @throws InvalidInputException for a value of the wrong type or out of range ({@code value}), a day before today
   *     ({@code validFrom}) or no reason ({@code reason})
   * @throws IllegalArgumentException for an unknown project
   */
  @Transactional
  public ParameterVersion change(String projectCode, ProgrammeParameter parameter, String value, LocalDate validFrom,
      String reason, String user) {
    Optional<String> problem = parameter.problemWith(value);
    if (problem.isPresent()) {
      throw new InvalidInputException("value", problem.get());
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "must not be blank");
    }
    LocalDate today = EngineClock.today();
    LocalDate from = validFrom == null ? today : validFrom;
    if (from.isBefore(today)) {
      throw new InvalidInputException("validFrom", "must not be before today: a change never rewrites the past");
    }
    if (!records.lockProject(projectCode)) {
      throw new IllegalArgumentException("No such project");
    }
    versions.forget(projectCode);
    ParameterVersion version = new ParameterVersion(0, projectCode, parameter.key(), normalised(parameter, value),
        from, value(projectCode, parameter, from), reason.strip(), user, EngineClock.now());
    records.insert(version);
    versions.forget(projectCode);
    // the project's chain of the audit record: name, values and dates (the reason stays in the version's row)
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("name", version.name());
    details.put("value", version.value());
    details.put("previousValue", version.previousValue());
    details.put("validFrom", version.validFrom());
    events.publishEvent(new AuditFact(null, projectCode, user, "PARAMETER_CHANGED", null, details));
    return version;
  }

  /** Forgets the values read: the next use reads table {@code programme_parameter_version} again. */
  public void forget() {
    versions.forgetAll();
  }

  private List<ParameterVersion> versions(String projectCode) {
    return versions.get(projectCode, records::ofProject);
  }

  private static ProgrammeParameter parameter(String name) {
    return ProgrammeParameter.byKey(name)
        .orElseThrow(() -> new IllegalArgumentException("Not a programme parameter (ProgrammeParameter): " + name));
  }

  /** Lists without the blanks around their commas; anything else without blanks around it. */
  private static String normalised(ProgrammeParameter parameter, String value) {
    return switch (parameter.type()) {
      case MONTH_LIST, VULNERABILITIES -> String.join(",", value.strip().split("\\s*,\\s*"));
      default -> value.strip();
    };
  }

  @ConfigurationProperties("programme")
  public record Defaults(Map<String, String> defaults) {}
}
