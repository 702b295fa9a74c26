package org.erplab.pathways.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST answers a call on another project's resource like one on an unknown resource (404), not with the 500
 * and "belongs to no authenticated tenant" of Camunda's tenant check, which would confirm that the resource exists.
 */
@Configuration
public class EngineRestConfig {

  /** Camunda's tenant check (TenantCommandChecker): "ENGINE-13034 Cannot ... because it belongs to no authenticated tenant". */
  static final String TENANT_CHECK_CODE = "ENGINE-13034";

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(OtherTenantEngineException.class);
        register(OtherTenantRestException.class);
      }
    };
  }

  static boolean isOtherTenant(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(TENANT_CHECK_CODE)) {
        return true;
      }
    }
    return false;
  }

  static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", "Not found")).build();
  }

  @Priority(1)
  public static class OtherTenantEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return isOtherTenant(e) ? notFound() : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  @Priority(1)
  public static class OtherTenantRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return isOtherTenant(e) ? notFound() : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }
}
