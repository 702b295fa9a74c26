package org.erplab.pathways.common.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}, Swagger UI): its title and version, HTTP Basic on every
 * operation but the public ones (Swagger UI's Authorize button), and the problem+json errors each operation can
 * answer, added here once for all operations (they come from {@link ProblemHandler} and the security chain, which the
 * controllers do not declare).
 */
@Configuration
class OpenApiDocumentation {

  static final String BASIC = "basicAuth";
  static final String PROBLEM = "ProblemDetail";
  static final String PUBLIC = "/api/public/";

  @Bean
  OpenAPI pathwaysOpenApi(ObjectProvider<BuildProperties> build) {
    // the build's version (META-INF/build-info.properties, written by the Spring Boot Maven plugin)
    String version = build.getIfAvailable() == null ? "unknown" : build.getIfAvailable().getVersion();
    return new OpenAPI()
        .info(new Info()
            .title("erp-pathways: percorsi di inserimento lavorativo")
            .version(version)
            .description("Intake-to-placement pathways for residents of Lombardy's public-housing (ERP) "
                + "neighbourhoods. HTTP Basic (except /api/public); errors as application/problem+json."))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of the identity service (Camunda Admin)")));
  }

  /**
   * The problem schema, security and the standard error responses, on every operation (after springdoc has built the
   * document: it replaces the schemas given with the {@link OpenAPI} bean by those it finds).
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      openApi.getComponents()
          .addSchemas("FieldError", new ObjectSchema()
              .addProperty("field", new StringSchema().description("the field's name"))
              .addProperty("message", new StringSchema().description("what is wrong (never the value sent)")))
          .addSchemas(PROBLEM, new ObjectSchema()
              .description("RFC 9457 problem details")
              .addProperty("type", new StringSchema().example("about:blank"))
              .addProperty("title", new StringSchema().example("Bad Request"))
              .addProperty("status", new IntegerSchema().example(400))
              .addProperty("detail", new StringSchema().example("The request has invalid fields"))
              .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                  .description("on a 400: every invalid field")));
      openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
          document(path, method, operation)));
    };
  }

  static void document(String path, PathItem.HttpMethod method, Operation operation) {
    boolean secured = !path.startsWith(PUBLIC);
    boolean hasInput = operation.getRequestBody() != null
        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    if (secured) {
      operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
    if (hasInput) {
      add(operation, "400", "Invalid fields or parameters: `errors` names each one");
    }
    if (secured) {
      add(operation, "401", "Not logged in, or a wrong password (HTTP Basic)");
      add(operation, "403", "Your role or your projects do not allow this");
    }
    if (path.contains("{")) {
      add(operation, "404", "Not found (also another project's, or a pathway your organisation has no part in)");
    }
    add(operation, "406", "The Accept header does not allow JSON");
    if (secured && method.name().equals(HttpMethod.POST.name())) {
      add(operation, "409", "Conflict: done or claimed by someone else a moment ago, or an open pathway already");
    }
    if (operation.getRequestBody() != null) {
      add(operation, "415", "The body is not application/json");
    }
    if (secured) {
      add(operation, "429", "Too many failed logins from this address: try again after Retry-After seconds")
          .addHeaderObject("Retry-After", new Header().description("seconds to wait")
              .schema(new IntegerSchema()));
    }
  }

  private static ApiResponse add(Operation operation, String status, String description) {
    ApiResponse response = operation.getResponses().computeIfAbsent(status, s -> new ApiResponse());
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(description);
    }
    response.setContent(new Content().addMediaType(
        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    return response;
  }
}
