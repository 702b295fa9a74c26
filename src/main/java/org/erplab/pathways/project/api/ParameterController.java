package org.erplab.pathways.project.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.project.domain.ParameterVersion;
import org.erplab.pathways.project.domain.ProgrammeParameter;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's programme parameters (ADR 0030): every user serving the project reads them (the value in force today,
 * the default, the changes scheduled, the history); its managers and administrators change one from a day on, with a
 * reason. Another project does not exist for the caller (404), nor does a name that is no {@link ProgrammeParameter}.
 * The patron day, the closures and the programme's end date are listed with the endpoints that hold them: they are not
 * changed here.
 */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/projects/{code}/parameters", produces = MediaType.APPLICATION_JSON_VALUE)
class ParameterController {

  static final int MAX_VALUE_LENGTH = 200;
  static final int MAX_REASON_LENGTH = 500;

  private final ProgrammeParameters parameters;
  private final ProjectDirectory projects;

  ParameterController(ProgrammeParameters parameters, ProjectDirectory projects) {
    this.parameters = parameters;
    this.projects = projects;
  }

  @GetMapping
  @Transactional(readOnly = true)
  ParametersView all(@PathVariable String code, @AuthenticationPrincipal AppUser user) {
    Project project = served(code, user);
    LocalDate today = EngineClock.today();
    List<ParameterView> views = Arrays.stream(ProgrammeParameter.values()).map(p -> view(code, p, today)).toList();
    String base = "/api/projects/" + code;
    List<OtherSetting> elsewhere = List.of(
        new OtherSetting("patronDay", "Festa patronale (giorno non lavorativo)",
            project.patronDayIfAny().map(d -> String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth())
                + (project.patronDayName() == null ? "" : " " + project.patronDayName())).orElse(null),
            base + "/calendar", "Fissata nell'anagrafica del progetto; compare nel calendario"),
        new OtherSetting("closures", "Chiusure degli uffici", null, base + "/closures",
            "Aggiunte e tolte dal responsabile con POST e DELETE " + base + "/closures"),
        new OtherSetting("endDate", "Fine del programma", project.endDate() == null ? null : project.endDate().toString(),
            base + "/end-date", "Cambiata dal responsabile con PUT " + base + "/end-date"));
    return new ParametersView(code, today, views, elsewhere);
  }

  @GetMapping("/{name}")
  @Transactional(readOnly = true)
  ParameterView one(@PathVariable String code, @PathVariable String name, @AuthenticationPrincipal AppUser user) {
    served(code, user);
    return view(code, parameter(code, name), EngineClock.today());
  }

  @GetMapping("/{name}/history")
  @Transactional(readOnly = true)
  List<ChangeView> history(@PathVariable String code, @PathVariable String name,
      @AuthenticationPrincipal AppUser user) {
    served(code, user);
    return parameters.history(code, parameter(code, name)).stream().map(ChangeView::of).toList();
  }

  @PutMapping("/{name}")
  ParameterView change(@PathVariable String code, @PathVariable String name, @RequestBody Change request,
      @AuthenticationPrincipal AppUser user) {
    served(code, user);
    ProgrammeParameter parameter = parameter(code, name);
    if (!user.hasRole(Roles.MANAGER) && !user.hasRole(Roles.ADMIN)) {
      throw ApiException.forbidden("Only the programme's managers change its parameters");
    }
    List<FieldError> errors = new ArrayList<>();
    if (request.value() != null && request.value().length() > MAX_VALUE_LENGTH) {
      errors.add(new FieldError("value", "must be at most " + MAX_VALUE_LENGTH + " characters"));
    } else {
      parameter.problemWith(request.value()).ifPresent(p -> errors.add(new FieldError("value", p)));
    }
    LocalDate today = EngineClock.today();
    if (request.validFrom() != null && request.validFrom().isBefore(today)) {
      errors.add(new FieldError("validFrom", "must not be before today: a change never rewrites the past"));
    } else if (request.validFrom() != null && request.validFrom().isAfter(today.plusYears(10))) {
      errors.add(new FieldError("validFrom", "must be within ten years from today"));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      errors.add(new FieldError("reason", "must not be blank"));
    } else if (request.reason().length() > MAX_REASON_LENGTH) {
      errors.add(new FieldError("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    parameters.change(code, parameter, request.value(), request.validFrom(), request.reason(), user.id());
    return view(code, parameter, today);
  }

  /** 404 for a project the caller does not serve (or none). */
  private Project served(String code, AppUser user) {
    Optional<Project> project = user.serves(code) ? projects.find(code) : Optional.empty();
    return project.orElseThrow(() -> ApiException.notFound("No such project"));
  }

  private static ProgrammeParameter parameter(String code, String name) {
    return ProgrammeParameter.byKey(name).orElseThrow(() -> ApiException.notFound(
        "No such programme parameter: the list is at /api/projects/" + code + "/parameters"));
  }

  private ParameterView view(String code, ProgrammeParameter p, LocalDate today) {
    Optional<ParameterVersion> inForce = parameters.inForce(code, p, today);
    return new ParameterView(p.key(), p.label(), p.type().name(), p.type().unit(), p.min(), p.max(),
        parameters.defaultValue(p), parameters.value(code, p, today), inForce.isPresent() ? "PROJECT" : "DEFAULT",
        inForce.map(ParameterVersion::validFrom).orElse(null),
        parameters.scheduledAfter(code, p, today).stream().map(v -> new Scheduled(v.value(), v.validFrom())).toList(),
        "/api/projects/" + code + "/parameters/" + p.key() + "/history");
  }

  /** {@code PUT /api/projects/{code}/parameters/{name}}: the value, the day it counts from (today when absent), why. */
  record Change(String value, LocalDate validFrom, String reason) {}

  /** Every parameter of the project today, and the settings held elsewhere. */
  record ParametersView(String projectCode, LocalDate day, List<ParameterView> parameters,
      List<OtherSetting> elsewhere) {}

  /**
   * A parameter today: its value ({@code source} PROJECT: the project's version valid from {@code validFrom};
   * DEFAULT: the programme's), its type and range, the changes that count from a later day.
   */
  record ParameterView(String name, String label, String type, String unit, int min, int max, String defaultValue,
      String value, String source, LocalDate validFrom, List<Scheduled> scheduled, String history) {}

  /** A change that counts from a later day. */
  record Scheduled(String value, LocalDate validFrom) {}

  /** A setting of the programme with its own endpoint: its value today and where it is read and changed. */
  record OtherSetting(String name, String label, String value, String href, String note) {}

  /** One change: the value from {@code validFrom}, the one it replaced on that day, why, who, when. */
  record ChangeView(String value, String previousValue, LocalDate validFrom, String reason, String changedBy,
      OffsetDateTime changedAt) {

    static ChangeView of(ParameterVersion v) {
      return new ChangeView(v.value(), v.previousValue(), v.validFrom(), v.reason(), v.changedBy(), v.changedAt());
    }
  }
}
