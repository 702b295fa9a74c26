package org.erplab.pathways.model.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.model.ModelDeployment;
import org.erplab.pathways.model.ModelDeployment.FilePlan;
import org.erplab.pathways.model.ModelDeployment.FileState;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which version of each model is active and where it came from (ADR 0028): the application's own files
 * ({@code classpath}) or a deployment by a manager (Camunda Modeler, engine REST), and what the next start-up will do
 * with the shipped file. For managers, auditors and administrators; models hold no personal data.
 */
@RestController
@RequestMapping(path = "/api/admin/models", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelController {

  static final Set<String> READERS = Set.of(Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN);
  static final String CLASSPATH = "classpath";

  private final ProcessEngine engine;
  private final ModelDeployment classpath;
  private final EngineAccess engineAccess;
  private final JdbcClient jdbc;

  ModelController(ProcessEngine engine, ModelDeployment classpath, EngineAccess engineAccess, JdbcClient jdbc) {
    this.engine = engine;
    this.classpath = classpath;
    this.engineAccess = engineAccess;
    this.jdbc = jdbc;
  }

  /**
   * One row per process, decision and form key: its newest version, its origin ({@code classpath} or the user who
   * deployed it), when, and the state of the shipped file ({@code UNCHANGED}: the shipped file is what the classpath
   * last deployed; {@code CHANGED}: a start-up would deploy it; {@code HELD_BACK}: changed, but a manager's newer
   * version keeps it out).
   */
  @GetMapping
  List<ModelView> models(@AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(READERS)) {
      throw ApiException.forbidden("Only managers, auditors and administrators read the models' versions");
    }
    return engineAccess.asSystem(this::list);
  }

  private List<ModelView> list() {
    RepositoryService repository = engine.getRepositoryService();
    Map<String, FilePlan> shipped = new HashMap<>();
    for (FilePlan file : classpath.plan(engine)) {
      file.keys().forEach(key -> shipped.put(kindOf(file.name()) + ":" + key, file));
    }
    Map<String, Deployment> deployments = new HashMap<>();
    List<ModelView> views = new ArrayList<>();
    repository.createProcessDefinitionQuery().latestVersion().list().forEach(d -> views.add(view("process",
        d.getKey(), d.getVersion(), d.getDeploymentId(), deployments, shipped)));
    repository.createDecisionDefinitionQuery().latestVersion().list().forEach(d -> views.add(view("decision",
        d.getKey(), d.getVersion(), d.getDeploymentId(), deployments, shipped)));
    // forms have no query in Camunda's API: their definitions table
    jdbc.sql("""
            select KEY_, VERSION_, DEPLOYMENT_ID_ from ACT_RE_CAMFORMDEF d
            where VERSION_ = (select max(VERSION_) from ACT_RE_CAMFORMDEF l where l.KEY_ = d.KEY_)""")
        .query((rs, row) -> view("form", rs.getString(1), rs.getInt(2), rs.getString(3), deployments, shipped))
        .list().forEach(views::add);
    views.sort(Comparator.comparing(ModelView::kind).thenComparing(ModelView::key));
    return views;
  }

  private ModelView view(String kind, String key, int version, String deploymentId, Map<String, Deployment> cache,
      Map<String, FilePlan> shipped) {
    Deployment deployment = cache.computeIfAbsent(deploymentId,
        id -> engine.getRepositoryService().createDeploymentQuery().deploymentId(id).singleResult());
    boolean fromClasspath = ModelDeployment.DEPLOYMENT_NAME.equals(deployment.getName());
    FilePlan file = shipped.get(kind + ":" + key);
    return new ModelView(kind, key, version, fromClasspath ? CLASSPATH : deployer(deploymentId),
        deployment.getDeploymentTime() == null ? null : ApiTime.of(deployment.getDeploymentTime()),
        deployment.getName(), file == null ? null : file.name(), file == null ? null : file.state());
  }

  /** The user who deployed it, from the engine's operation log (none for a deployment without a user). */
  private String deployer(String deploymentId) {
    HistoryService history = engine.getHistoryService();
    return history.createUserOperationLogQuery().deploymentId(deploymentId).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst().orElse("(sconosciuto)");
  }

  private static String kindOf(String fileName) {
    return fileName.endsWith(".bpmn") ? "process" : fileName.endsWith(".dmn") ? "decision" : "form";
  }

  /** A model key and its active version. */
  record ModelView(String kind, String key, int version, String origin, OffsetDateTime deployedAt,
      String deploymentName, String shippedFile, FileState shippedFileState) {}
}
