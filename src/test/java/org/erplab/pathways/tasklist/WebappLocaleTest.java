package org.erplab.pathways.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webapps' Italian locale files (ADR 0026) against the English ones of the Camunda webjar on the classpath: the
 * same keys (a Camunda upgrade that adds labels fails here until they are translated or copied), Italian dates, and
 * for every app every label translated (but words that are the same in Italian).
 */
class WebappLocaleTest {

  static final String BASE = "META-INF/resources/webjars/camunda/app/";
  /** Labels that read the same in Italian. */
  static final Set<String> SAME_IN_ITALIAN = Set.of("Admin", "Cockpit", "Tasklist", "Camunda", "Password", "OK",
      "<null>", "<", "<=", ">", ">=", "Double", "Long", "Short", "ID", "Batch", "Deployment", "Tenant", "Report",
      "Optimize", "Job", "Account", "Password*:", "ID*", "Tenant ID", "", " OK", "batch", "Camunda Cockpit", "CSV",
      "JSON", "File", "Max", "Min", "Endpoint", "Topic", "Tenant: ID", "null");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldHaveEveryLabelOfTheEnglishLocale(String app) throws IOException {
    JsonNode english = read(app, "en.json");
    JsonNode italian = read(app, "it.json");

    assertThat(names(italian.path("labels"))).containsExactlyInAnyOrderElementsOf(names(english.path("labels")));
    if (english.has("dateLocales")) {
      assertThat(italian.path("dateLocales").path("months").get(11).asText()).isEqualTo("dicembre");
      assertThat(italian.path("dateLocales").path("weekdays").get(1).asText()).isEqualTo("lunedì");
      assertThat(italian.path("dateLocales").path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
    }
    // the end-of-life banner says nothing (and the user styles hide it)
    assertThat(italian.path("labels").path("BANNER_CE_EOL_TEXT").asText("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateEveryLabel(String app) throws IOException {
    JsonNode english = read(app, "en.json").path("labels");
    JsonNode italian = read(app, "it.json").path("labels");
    List<String> untranslated = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      String value = english.path(key).asText();
      if (value.equals(italian.path(key).asText()) && !SAME_IN_ITALIAN.contains(value)) {
        untranslated.add(key + "=" + value);
      }
    });
    assertThat(untranslated).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldConfigureItalianFirstAndHideTheBanner(String app) throws IOException {
    String config = text(BASE + app + "/scripts/config.js");
    String shared = text(BASE + "tasklist/scripts/italian.js");
    assertThat(config).contains("italian");
    assertThat(shared).contains("availableLocales: ['it', 'en']").contains("fallbackLocale: 'it'")
        .contains("disableWelcomeMessage: true");
    String styles = text(BASE + app + "/styles/user-styles.css");
    assertThat(styles.contains(".ce-eol-banner") || styles.contains("@import url('../../tasklist/styles/user-styles.css')"))
        .isTrue();
  }

  private JsonNode read(String app, String file) throws IOException {
    return json.readTree(text(BASE + app + "/locales/" + file).replace("\uFEFF", ""));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
