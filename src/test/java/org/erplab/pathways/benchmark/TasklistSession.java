package org.erplab.pathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.WebappClient;

/**
 * A browser's session in Tasklist (the webapps' own login, {@link WebappClient}), making the calls Tasklist makes to
 * its engine API for the task list of a filter: the first page (15 tasks, newest first, active only, as Tasklist asks
 * for it) and the count.
 */
final class TasklistSession {

  static final String FILTER = "Compiti dei miei gruppi";
  /** What Tasklist posts for the first page of a filter (its defaults: sorted by creation, newest first). */
  static final String FIRST_PAGE = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";
  /** What Tasklist accepts: HAL, so the engine embeds assignees, candidate groups and definitions. */
  static final String ACCEPT = "application/hal+json, application/json; q=0.5";

  private final WebappClient browser;
  private final String engineApi;

  private TasklistSession(int port, WebappClient browser) {
    this.browser = browser;
    this.engineApi = "http://localhost:" + port + WebappClient.ENGINE_API;
  }

  static TasklistSession login(int port, String user, String password) {
    WebappClient browser = WebappClient.anonymous(port);
    ApiClient.Response loggedIn = browser.login(user, password);
    if (loggedIn.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + ": " + loggedIn.status() + " " + loggedIn.body());
    }
    return new TasklistSession(port, browser);
  }

  /** The id of a filter the user sees, by name. */
  String filterId(String name) {
    ApiClient.Response filters = ok(browser.get("/filter?resourceType=Task"));
    for (JsonNode filter : filters.json()) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException("No filter " + name + ": " + filters.body());
  }

  /** The first page of the filter, as Tasklist asks for it; answers the number of tasks on the page. */
  int firstPage(String filterId) {
    ApiClient.Response page = ok(browser.send(HttpRequest.newBuilder(
            URI.create(engineApi + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Content-Type", "application/json")
        .header("Accept", ACCEPT)
        .POST(HttpRequest.BodyPublishers.ofString(FIRST_PAGE))));
    return page.json().path("_embedded").path("task").size();
  }

  /** The filter's count, as Tasklist shows it beside the filter's name. */
  long count(String filterId) {
    return ok(browser.get("/filter/" + filterId + "/count")).json().path("count").asLong();
  }

  private static ApiClient.Response ok(ApiClient.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException(response.status() + " " + response.body());
    }
    return response;
  }
}
