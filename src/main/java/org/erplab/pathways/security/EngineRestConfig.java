package org.erplab.pathways.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.erplab.pathways.common.domain.Failures;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.RefusedException;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's REST API answers the door rules' refusals as the rules say, at both of its doors: engine REST
 * ({@code /engine-rest}) and the webapps' own engine API ({@code /camunda/api/engine}, what Tasklist and Cockpit call).
 * Camunda's resources turn most engine exceptions into 500s; these mappers look through them:
 * <ul>
 *   <li>invalid form values or variables: 400 naming the fields; a refused action: 403; a conflict (a task claimed
 *       or completed by someone else, a lock held by a concurrent change): 409;
 *   <li>a resource of a project the caller does not serve: 404, like one that does not exist (Camunda's tenant check
 *       would answer 500 and confirm it exists);
 *   <li>any other 500: the body says "Unexpected error", never the exception's message (which may carry SQL).
 * </ul>
 * The body keeps Camunda's format: {@code {"type", "message"}} (plus {@code errors} for fields).
 */
@Configuration
public class EngineRestConfig {

  /** Camunda's tenant check (TenantCommandChecker): "ENGINE-13034 Cannot ... because it belongs to no authenticated tenant". */
  static final String TENANT_CHECK_CODE = "ENGINE-13034";
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfig.class);
  static final Set<Class<?>> MAPPERS = Set.of(EngineExceptions.class, RestExceptions.class);

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        MAPPERS.forEach(this::register);
      }
    };
  }

  /**
   * The webapps' engine API, registered before Camunda's own initializer (which then leaves it alone), with the same
   * resources plus the mappers above.
   */
  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
        new ServletContainer(org.glassfish.jersey.server.ResourceConfig.forApplication(new WebappEngineApi())),
        applicationPath + "/api/engine/*");
    registration.setName("Engine Api");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's webapp engine API with the door-rule mappers. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new java.util.HashSet<>(super.getClasses());
      classes.addAll(MAPPERS);
      return classes;
    }
  }

  static Response respond(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidFieldsException invalid) {
        Map<String, Object> body = body(invalid, "The request has invalid fields");
        body.put("errors", invalid.errors());
        return json(Response.Status.BAD_REQUEST, body);
      }
      if (t instanceof RefusedException) {
        return json(Response.Status.FORBIDDEN, body(t, t.getMessage()));
      }
      if (t instanceof ConflictException) {
        return json(Response.Status.CONFLICT, body(t, t.getMessage()));
      }
      if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
          || Failures.isLockConflict(t)) {
        return json(Response.Status.CONFLICT, body(t, "Someone else changed this a moment ago; reload and retry"));
      }
      if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(TENANT_CHECK_CODE)) {
        return json(Response.Status.NOT_FOUND, Map.of("type", "InvalidRequestException", "message", "Not found"));
      }
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    Response.Status status = camunda.getStatus(e);
    if (status.getStatusCode() >= 500) {
      // the class and the place only: the message may carry SQL or a value somebody sent
      LOG.error("Unexpected error {} at engine REST", e.getClass().getName(), Failures.withoutMessages(e));
      return json(Response.Status.INTERNAL_SERVER_ERROR, Map.of("type", e.getClass().getSimpleName(),
          "message", "Unexpected error"));
    }
    // a caller's mistake that Camunda recognises (unknown id, bad parameter): its answer, without a log of ours
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(camunda.fromException(e)).build();
  }

  private static Map<String, Object> body(Throwable t, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", t.getClass().getSimpleName());
    body.put("message", message);
    return body;
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return respond(e);
    }
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return respond(e);
    }
  }
}
