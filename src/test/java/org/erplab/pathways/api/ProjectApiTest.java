package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code GET /api/projects} and {@code GET /api/projects/{code}/organisations}: only the projects the caller serves. */
@PathwaysSpringTest
class ProjectApiTest {

  private final ApiFixtures api;

  @Autowired
  ProjectApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldListOnlyTheProjectsTheUserServes() {
    ApiClient.Response lab = api.as(LAB_LORENTEGGIO).get("/api/projects");
    ApiClient.Response bollate = api.as(LAB_BOLLATE).get("/api/projects");

    assertThat(lab.status()).as("%s", lab).isEqualTo(200);
    assertThat(codes(lab.json())).containsExactly(LORENTEGGIO);
    JsonNode project = lab.json().get(0);
    assertThat(project.path("name").asText()).isEqualTo("Lorenteggio - Milano");
    assertThat(project.path("leadOrganisation").asText()).isEqualTo("ALER_MI");
    assertThat(codes(bollate.json())).containsExactly(BOLLATE);
    assertThat(bollate.json().get(0).path("leadOrganisation").asText()).isEqualTo("COMUNE_BOLLATE");
  }

  @ParameterizedTest
  @ValueSource(strings = {ApiFixtures.MANAGER, ApiFixtures.AUDITOR, ApiFixtures.ADMIN})
  void shouldListBothProjectsToUsersOfBoth(String user) {
    ApiClient.Response response = api.as(user).get("/api/projects");

    assertThat(response.status()).isEqualTo(200);
    assertThat(codes(response.json())).containsExactly(BOLLATE, LORENTEGGIO);
  }

  @Test
  void shouldListTheOrganisationsOfTheProjectWithTheirTypes() {
    ApiClient.Response response = api.as(ApiFixtures.OPERATOR_LORENTEGGIO).get("/api/projects/LORENTEGGIO/organisations");

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json()).hasSize(7);
    assertThat(types(response.json())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "ALER_MI", "ALER",
        "COMUNE_MI", "MUNICIPALITY",
        "MILOLAB", "LAB",
        "AFOL_MET", "CPI",
        "SOLCO", "ACCREDITED_OPERATOR",
        "MESTIERI", "ACCREDITED_OPERATOR",
        "REGIONE_LOMBARDIA", "REGION"));
    response.json().forEach(o -> assertThat(o.path("name").asText()).isNotBlank());
  }

  @Test
  void shouldListTheOtherProjectsOrganisationsToItsOwnStaff() {
    ApiClient.Response response = api.as(ApiFixtures.CPI_BOLLATE).get("/api/projects/BOLLATE/organisations");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).hasSize(6);
    assertThat(types(response.json())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "COMUNE_BOLLATE", "MUNICIPALITY",
        "LAB_BOLLATE", "LAB",
        "AFOL_MET", "CPI",
        "CONSORZIO_SIR", "ACCREDITED_OPERATOR",
        "ALER_MI", "ALER",
        "REGIONE_LOMBARDIA", "REGION"));
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_BOLLATE, ApiFixtures.CPI_BOLLATE, ApiFixtures.OPERATOR_BOLLATE})
  void shouldAnswer404ForTheOrganisationsOfAProjectTheUserDoesNotServe(String user) {
    ApiClient.Response response = api.as(user).get("/api/projects/LORENTEGGIO/organisations");

    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain("SOLCO");
  }

  @Test
  void shouldAnswer404ForAnUnknownProject() {
    assertProblem(api.as(ApiFixtures.ADMIN).get("/api/projects/ATLANTIDE/organisations"), 404);
  }

  @Test
  void shouldAnswer401WithoutLogin() {
    assertProblem(api.anonymous().get("/api/projects"), 401);
    assertProblem(api.anonymous().get("/api/projects/LORENTEGGIO/organisations"), 401);
    assertProblem(api.withWrongPassword().get("/api/projects"), 401);
    assertThat(api.raw("GET", "/api/projects", null, null).wwwAuthenticate()).isPresent();
  }

  private static List<String> codes(JsonNode projects) {
    List<String> codes = new ArrayList<>();
    projects.forEach(p -> codes.add(p.path("code").asText()));
    return codes;
  }

  private static Map<String, String> types(JsonNode organisations) {
    Map<String, String> types = new LinkedHashMap<>();
    organisations.forEach(o -> types.put(o.path("code").asText(), o.path("type").asText()));
    return types;
  }
}
