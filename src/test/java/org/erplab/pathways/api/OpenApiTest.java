package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OpenAPI document ({@code /v3/api-docs}) as another system reads it over HTTP: a real title and the build's
 * version, HTTP Basic on every operation but the public ones, the statuses the API really answers, and the
 * problem+json errors of every operation.
 */
@PathwaysSpringTest
class OpenApiTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @LocalServerPort
  int port;

  private JsonNode document;

  @BeforeEach
  void readDocument() {
    ApiClient.Response response = ApiClient.anonymous(port).get("/v3/api-docs");
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    document = response.json();
  }

  @Test
  void shouldHaveARealTitleAndTheProjectsVersion() throws Exception {
    String version = projectVersion();

    assertThat(document.path("info").path("title").asText()).isEqualTo("erp-pathways: percorsi di inserimento lavorativo");
    assertThat(document.path("info").path("version").asText()).isEqualTo(version).isNotBlank();
  }

  @Test
  void shouldRequireHttpBasicOnEveryOperationButThePublicOnes() {
    JsonNode scheme = document.path("components").path("securitySchemes").path("basicAuth");
    assertThat(scheme.path("type").asText()).isEqualTo("http");
    assertThat(scheme.path("scheme").asText()).isEqualTo("basic");

    SoftAssertions softly = new SoftAssertions();
    operations().forEach(op -> {
      List<String> schemes = new ArrayList<>();
      op.operation().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
      if (op.path().startsWith("/api/public/")) {
        softly.assertThat(schemes).as("%s: public", op).isEmpty();
      } else {
        softly.assertThat(schemes).as("%s: HTTP Basic", op).containsExactly("basicAuth");
      }
    });
    softly.assertAll();
  }

  @Test
  void shouldDocumentTheStatusesTheApiAnswers() {
    assertThat(responses("post", "/api/public/registrations")).contains("202", "400").doesNotContain("200", "401");
    assertThat(responses("post", "/api/pathways")).contains("201", "400", "401", "403", "409", "429")
        .doesNotContain("200");
    assertThat(responses("post", "/api/tasks/{id}/claim")).contains("204", "401", "403", "404", "409");
    assertThat(responses("post", "/api/tasks/{id}/complete")).contains("204", "400", "404", "409");
    assertThat(responses("get", "/api/tasks")).contains("200", "400", "401", "429");
  }

  @Test
  void shouldDescribeTheTaskCompletionsInvalidFieldsAsProblemJson() {
    JsonNode badRequest = document.path("paths").path("/api/tasks/{id}/complete").path("post").path("responses")
        .path("400");

    assertThat(badRequest.path("content").path(PROBLEM_JSON).path("schema").path("$ref").asText())
        .isEqualTo("#/components/schemas/ProblemDetail");
    JsonNode problem = document.path("components").path("schemas").path("ProblemDetail").path("properties");
    assertThat(fieldNames(problem)).contains("type", "title", "status", "detail", "errors");
    assertThat(fieldNames(document.path("components").path("schemas").path("FieldError").path("properties")))
        .containsExactlyInAnyOrder("field", "message");
  }

  @Test
  void shouldGiveEveryOperationItsErrorsAsProblemJson() {
    SoftAssertions softly = new SoftAssertions();
    List<Op> operations = operations();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(15);
    operations.forEach(op -> {
      List<String> errors = fieldNames(op.operation().path("responses")).stream()
          .filter(status -> status.startsWith("4")).toList();
      softly.assertThat(errors).as("%s: 4xx responses", op).isNotEmpty();
      errors.forEach(status -> softly.assertThat(fieldNames(op.operation().path("responses").path(status)
          .path("content"))).as("%s %s: content", op, status).containsExactly(PROBLEM_JSON));
      if (!op.path().startsWith("/api/public/")) {
        softly.assertThat(fieldNames(op.operation().path("responses").path("429").path("headers")))
            .as("%s 429", op).contains("Retry-After");
      }
    });
    softly.assertAll();
  }

  /** The {@code <version>} of pom.xml's {@code <project>} itself (not its parent's). */
  private static String projectVersion() throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    NodeList children = project.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals("version")) {
        return element.getTextContent().trim();
      }
    }
    throw new AssertionError("pom.xml has no project version");
  }

  private record Op(String method, String path, JsonNode operation) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private List<Op> operations() {
    List<Op> operations = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
        method -> operations.add(new Op(method.getKey(), path.getKey(), method.getValue()))));
    return operations;
  }

  private List<String> responses(String method, String path) {
    JsonNode operation = document.path("paths").path(path).path(method);
    assertThat(operation.isMissingNode()).as("%s %s documented", method, path).isFalse();
    return fieldNames(operation.path("responses"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
