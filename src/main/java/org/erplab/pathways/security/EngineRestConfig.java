package org.erplab.pathways.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.erplab.pathways.common.api.ErrorCauses;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.RefusedException;
import org.erplab.pathways.common.process.RefusedModelException;
import org.erplab.pathways.common.process.UnknownResourceException;
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
 *       would answer 500 and confirm it exists); a resource the caller named that does not exist, or a task that no
 *       longer exists (claimed, released or completed after it ended): 404, as our API answers;
 *   <li>a value the database cannot hold, a missing body, a negative {@code firstResult} or {@code maxResults}: 400;
 *   <li>Camunda's own 4xx answers keep their status, with a message of ours: Camunda's messages repeat what the caller
 *       sent ("Cannot convert value '...'", "No matching task with id ...");
 *   <li>any other 500: the body says "Unexpected error", never the exception's message (which may carry SQL); the log
 *       has the classes and the stack, not the messages.
 * </ul>
 * The body keeps Camunda's format: {@code {"type", "message"}} (plus {@code errors} for fields).
 *
 * <p>Two kinds of request are refused before Camunda's resources see them ({@link RefusedRequests}), because those
 * resources look something up first and answer that look-up's failure instead of the door rule: a process start
 * (by key and tenant, Camunda finds no definition, as definitions are shared: 404) and a comment or an attachment (on
 * a task of another project or part, "no task found": 400). Nobody starts a process or writes free text through
 * these doors, so both are a 403 for every logged-in caller, whatever they name; the engine refuses them too
 * ({@code DoorRules}, {@code DoorInterceptor}) for the Java API.
 */
@Configuration
public class EngineRestConfig {

  /** Camunda's tenant check (TenantCommandChecker): "ENGINE-13034 Cannot ... because it belongs to no authenticated tenant". */
  static final String TENANT_CHECK_CODE = "ENGINE-13034";
  /**
   * A command naming a task that does not exist (any more: completed, or its stage cancelled): Camunda's commands say
   * "Cannot find task with id ..." (a NullValueException when claiming, a NotFoundException when releasing, which its
   * REST API answers 400).
   */
  static final String MISSING_TASK = "Cannot find task with id";
  static final Set<Class<?>> MAPPERS = Set.of(EngineExceptions.class, RestExceptions.class, OtherErrors.class,
      JsonSyntaxErrors.class, JsonShapeErrors.class, PagingCheck.class, RefusedRequests.class);
  static final String PAGING_TYPE = "InvalidRequestException";

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfig.class);

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
        Map<String, Object> body = body(invalid, invalid instanceof RefusedModelException
            ? invalid.getMessage() : "The request has invalid fields");
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
          || (t instanceof SQLException && ErrorCauses.isLockConflict(t))) {
        return json(Response.Status.CONFLICT, body(t, "Someone else changed this a moment ago; reload and retry"));
      }
      if ((t instanceof ProcessEngineException && t.getMessage() != null
          && (t.getMessage().contains(TENANT_CHECK_CODE) || t.getMessage().startsWith(MISSING_TASK)))
          || t instanceof UnknownResourceException || t instanceof NullValueException) {
        return json(Response.Status.NOT_FOUND, Map.of("type", "InvalidRequestException", "message", "Not found"));
      }
      if (t instanceof SQLException && ErrorCauses.isDataException(t)) {
        return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidRequestException",
            "message", "A value is too long or out of range"));
      }
    }
    if (ErrorCauses.isDatabaseUnavailable(e)) {
      LOG.warn("Database unavailable: {}", e.getClass().getName());
      return Response.fromResponse(json(Response.Status.SERVICE_UNAVAILABLE, Map.of("type", "ServiceUnavailable",
          "message", ErrorCauses.UNAVAILABLE_MESSAGE))).header(HttpHeaders.RETRY_AFTER,
          ErrorCauses.UNAVAILABLE_RETRY_AFTER_SECONDS).build();
    }
    if (isMissingBody(e)) {
      return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidRequestException",
          "message", "The request body is missing"));
    }
    // Camunda's verdict, without its message (and without its log line, which repeats the message)
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    int status = e instanceof WebApplicationException web ? web.getResponse().getStatus()
        : camunda.getStatus(e).getStatusCode();
    String type = camunda.fromException(e).getType();
    if (status >= 500) {
      ErrorCauses.logUnexpected(LOG, e);
      return json(Response.Status.INTERNAL_SERVER_ERROR, Map.of("type", type, "message", "Unexpected error"));
    }
    Response.ResponseBuilder answer = e instanceof WebApplicationException web
        ? Response.fromResponse(web.getResponse()) : Response.status(status);
    return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", type, "message", messageFor(status)))
        .build();
  }

  /** A message for Camunda's own 4xx answers, which never repeats what the caller sent. */
  static String messageFor(int status) {
    return switch (status) {
      case 400 -> "The request is not valid: a parameter, a type or a value is not what this call takes";
      case 401 -> "Log in with HTTP Basic";
      case 403 -> "You are not allowed to do this";
      case 404 -> "Not found";
      case 405 -> "This method is not supported here";
      case 406 -> "This API answers in JSON (application/json)";
      case 409 -> "Someone else changed this a moment ago; reload and retry";
      case 415 -> "Send application/json";
      default -> "The request cannot be carried out";
    };
  }

  /**
   * A Camunda resource that dereferences the body it was given: the body was missing ({@code ""} or {@code null}).
   * Only a NullPointerException thrown by Camunda's REST classes themselves counts; any other is an error of ours.
   */
  static boolean isMissingBody(Throwable e) {
    return e instanceof NullPointerException && e.getStackTrace().length > 0
        && e.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
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

  /**
   * Refuses with 403 the requests no door serves, whatever process, tenant or task they name: process starts
   * ({@code start}, {@code submit-form}, by key, by key and tenant, by id; {@code restart}) and free text on tasks
   * ({@code comment/create}, {@code attachment/create}). Paths are relative to engine REST or to the webapps' engine
   * API ({@code engine/default/...}); logins are checked before (401).
   */
  @PreMatching
  public static class RefusedRequests implements ContainerRequestFilter {

    static final Pattern PROCESS_START = Pattern.compile("^/?(engine/[^/]+/)?process-definition/"
        + "(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form|restart|restart-async)/?$");
    static final Pattern FREE_TEXT = Pattern.compile("^/?(engine/[^/]+/)?task/[^/]+/(comment|attachment)/create/?$");

    @Override
    public void filter(ContainerRequestContext request) {
      if (!"POST".equals(request.getMethod())) {
        return;
      }
      String path = request.getUriInfo().getPath();
      if (PROCESS_START.matcher(path).matches()) {
        request.abortWith(json(Response.Status.FORBIDDEN, Map.of("type", RefusedException.class.getSimpleName(),
            "message", "Processes cannot be started here: a pathway starts only through POST /api/pathways (or the "
                + "public registration), which registers the person first")));
      } else if (FREE_TEXT.matcher(path).matches()) {
        request.abortWith(json(Response.Status.FORBIDDEN, Map.of("type", RefusedException.class.getSimpleName(),
            "message", "Comments and attachments are not kept: write the note in the task's form, where it is filed "
                + "in the person's reserved case notes")));
      }
    }
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

  /** Everything else (Camunda's own mapper would show a 500's message, e.g. a JSON library's parse error). */
  @Priority(1)
  public static class OtherErrors implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return respond(e);
    }
  }

  /** A body that is not JSON: Jackson's message may quote it. */
  @Priority(1)
  public static class JsonSyntaxErrors implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidRequestException",
          "message", "The request body is not valid JSON"));
    }
  }

  /** JSON of the wrong shape: Jackson's message may quote the value. */
  @Priority(1)
  public static class JsonShapeErrors implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidRequestException",
          "message", "The request body does not have the shape this call takes"));
    }
  }

  /**
   * A negative {@code firstResult} or {@code maxResults} is refused before the query: some of Camunda's queries would
   * hand it to the database (a 500, and an error in the log).
   */
  public static class PagingCheck implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      for (String name : List.of("firstResult", "maxResults")) {
        String value = request.getUriInfo().getQueryParameters().getFirst(name);
        if (value != null && value.trim().startsWith("-")) {
          request.abortWith(json(Response.Status.BAD_REQUEST, Map.of("type", PAGING_TYPE,
              "message", name + " must be 0 or more")));
          return;
        }
      }
    }
  }
}
