package org.erplab.pathways.model.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.model.infrastructure.MigrationRecords;
import org.erplab.pathways.model.infrastructure.MigrationRecords.Migration;
import org.erplab.pathways.model.infrastructure.MigrationRecords.MovedInstance;
import org.erplab.pathways.model.process.InstanceMigrations;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving running instances from one version of a model to another (ADR 0029): a dry run says which instances of the
 * caller's projects can move and why the others cannot; the real run moves them in a batch and records it.
 */
@RestController
@RequestMapping(path = "/api/admin/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationController {

  private final InstanceMigrations migrations;
  private final MigrationRecords records;
  private final EngineAccess engine;

  MigrationController(InstanceMigrations migrations, MigrationRecords records, EngineAccess engine) {
    this.migrations = migrations;
    this.records = records;
    this.engine = engine;
  }

  /** {@code dryRun} defaults to true: only an explicit {@code false} moves anything. */
  record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, Boolean dryRun,
      List<InstanceMigrations.Mapping> mappings) {}

  /** The audit record, with the instances it moved in the caller's projects. */
  record MigrationView(UUID id, String processKey, int sourceVersion, int targetVersion,
      List<InstanceMigrations.Mapping> mappings, int instanceCount, int skippedCount, String batchId, String outcome,
      String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt, List<MovedInstance> instances) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<InstanceMigrations.Result> migrate(@RequestBody MigrationRequest request,
      @AuthenticationPrincipal AppUser user) {
    Set<String> projects = ManagerScope.projects(user, null);
    List<FieldError> errors = new ArrayList<>();
    if (request.processKey() == null || request.processKey().isBlank()) {
      errors.add(new FieldError("processKey", "manca: la chiave del processo"));
    }
    if (request.sourceVersion() == null || request.sourceVersion() < 1) {
      errors.add(new FieldError("sourceVersion", "deve essere un numero di versione, da 1 in su"));
    }
    if (request.targetVersion() == null || request.targetVersion() < 1) {
      errors.add(new FieldError("targetVersion", "deve essere un numero di versione, da 1 in su"));
    }
    List<InstanceMigrations.Mapping> mappings = request.mappings() == null ? List.of() : request.mappings();
    if (mappings.size() > 100) {
      errors.add(new FieldError("mappings", "al massimo 100"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    boolean dryRun = request.dryRun() == null || request.dryRun();
    InstanceMigrations.Result result = engine.asSystem(() -> migrations.migrate(request.processKey(),
        request.sourceVersion(), request.targetVersion(), mappings, dryRun, projects, user.id()));
    if (dryRun) {
      return ResponseEntity.ok(result);
    }
    return ResponseEntity.accepted().location(URI.create("/api/admin/migrations/" + result.migrationId()))
        .body(result);
  }

  @GetMapping
  List<MigrationView> list(@AuthenticationPrincipal AppUser user) {
    Set<String> projects = ManagerScope.projects(user, null);
    Map<UUID, List<String>> moved = records.projects();
    return records.all().stream()
        .filter(m -> visible(m, moved.getOrDefault(m.id(), List.of()), user, projects))
        .map(m -> view(m, user, projects))
        .toList();
  }

  @GetMapping("/{id}")
  MigrationView one(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Set<String> projects = ManagerScope.projects(user, null);
    Migration m = records.find(id).orElseThrow(() -> ApiException.notFound("No such migration"));
    List<String> moved = records.instances(id).stream().map(MovedInstance::projectCode).distinct().toList();
    if (!visible(m, moved, user, projects)) {
      throw ApiException.notFound("No such migration");
    }
    return view(m, user, projects);
  }

  /** Admins see every migration; a manager those it asked for and those that moved instances of its projects. */
  private static boolean visible(Migration m, List<String> movedProjects, AppUser user, Set<String> projects) {
    return user.hasRole(Roles.ADMIN) || user.id().equals(m.requestedBy())
        || movedProjects.stream().anyMatch(projects::contains);
  }

  private MigrationView view(Migration recorded, AppUser user, Set<String> projects) {
    Migration m = engine.asSystem(() -> migrations.status(recorded));
    List<MovedInstance> instances = records.instances(m.id()).stream()
        .filter(i -> user.hasRole(Roles.ADMIN) || projects.contains(i.projectCode())).toList();
    List<InstanceMigrations.Mapping> mappings = m.mappings() == null ? List.of()
        : java.util.Arrays.stream(m.mappings().split(",")).map(p -> p.split(">", 2))
            .map(p -> new InstanceMigrations.Mapping(p[0], p.length > 1 ? p[1] : null)).toList();
    return new MigrationView(m.id(), m.processKey(), m.sourceVersion(), m.targetVersion(), mappings,
        m.instanceCount(), m.skippedCount(), m.batchId(), m.outcome(), m.requestedBy(), m.requestedAt(),
        m.finishedAt(), instances);
  }
}
