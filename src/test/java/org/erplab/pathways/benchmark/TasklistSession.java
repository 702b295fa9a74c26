package org.erplab.pathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session in Tasklist: the webapps' own login (session cookie and XSRF token, as in
 * {@code HistoryPrivacyIT}), then the calls Tasklist makes to its engine API ({@code /camunda/api/engine}) for the
 * task list of a filter: the first page (15 tasks, newest first, active only, as Tasklist asks for it) and the count.
 */
final class TasklistSession {

  static final String FILTER = "Compiti dei miei gruppi";
  /** What Tasklist posts for the first page of a filter (its defaults: sorted by creation, newest first). */
  static final String FIRST_PAGE = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";
  /** What Tasklist accepts: HAL, so the engine embeds assignees, candidate groups and definitions. */
  static final String ACCEPT = "application/hal+json, application/json; q=0.5";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;
  private final String engineApi;

  private TasklistSession(int port) {
    this.base = "http://localhost:" + port;
    this.engineApi = base + "/camunda/api/engine/engine/default";
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  static TasklistSession login(int port, String user, String password) throws IOException, InterruptedException {
    TasklistSession session = new TasklistSession(port);
    session.get(session.base + "/camunda/app/tasklist/default/");
    HttpResponse<String> loggedIn = session.browser.send(HttpRequest.newBuilder(
            URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.xsrf())
        .header("Referer", session.base + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (loggedIn.statusCode() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + ": " + loggedIn.statusCode() + " " + loggedIn.body());
    }
    // the login starts a new session; the next request hands out that session's XSRF token, as in a browser
    session.get(session.base + "/camunda/api/admin/auth/user/default");
    return session;
  }

  /** The id of a filter the user sees, by name. */
  String filterId(String name) throws IOException, InterruptedException {
    HttpResponse<String> filters = get(engineApi + "/filter?resourceType=Task");
    for (JsonNode filter : JSON.readTree(filters.body())) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException("No filter " + name + ": " + filters.body());
  }

  /** The first page of the filter, as Tasklist asks for it; answers the number of tasks on the page. */
  int firstPage(String filterId) throws IOException, InterruptedException {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
            URI.create(engineApi + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Content-Type", "application/json")
        .header("Accept", ACCEPT)
        .header("X-XSRF-TOKEN", xsrf())
        .header("Referer", base + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString(FIRST_PAGE)).build(), HttpResponse.BodyHandlers.ofString());
    ok(page);
    return JSON.readTree(page.body()).path("_embedded").path("task").size();
  }

  /** The filter's count, as Tasklist shows it beside the filter's name. */
  long count(String filterId) throws IOException, InterruptedException {
    HttpResponse<String> count = get(engineApi + "/filter/" + filterId + "/count");
    return JSON.readTree(count.body()).path("count").asLong();
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (!url.endsWith("/tasklist/default/")) {
      ok(response);
    }
    return response;
  }

  private static void ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.uri() + ": " + response.statusCode() + " " + response.body());
    }
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }
}
