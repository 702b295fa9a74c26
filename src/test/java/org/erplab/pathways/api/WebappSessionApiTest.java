package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The browser's door to {@code /api}: a user logged in to the webapps calls our API in that session (our pages and
 * Tasklist plugins), with the session's XSRF token on every request, and is the same user as with HTTP Basic.
 */
@PathwaysSpringTest
class WebappSessionApiTest {

  private final ApiFixtures api;

  @Autowired
  WebappSessionApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldServeTheSessionsUserWithItsTokenAsItsOwnLoginWould() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    WebappClient browser = WebappClient.as(api.port(), LAB_LORENTEGGIO);

    ApiClient.Response tasks = browser.api("GET", "/api/tasks?pathwayId=" + started.pathwayId(), null);

    assertThat(tasks.status()).as("%s", tasks).isEqualTo(200);
    assertThat(ids(tasks.json())).containsExactly(taskId);
    ApiClient.Response claimed = browser.api("POST", "/api/tasks/" + taskId + "/claim", null);
    assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
    assertThat(api.task(taskId).getAssignee()).as("the engine saw the session's user").isEqualTo(LAB_LORENTEGGIO);
  }

  @Test
  void shouldRefuseASessionRequestWithoutTheSessionsTokenAndChangeNothing() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    WebappClient browser = WebappClient.as(api.port(), LAB_LORENTEGGIO);

    assertProblem(browser.apiWithToken("GET", "/api/tasks", null, null), 403);
    assertProblem(browser.apiWithToken("GET", "/api/tasks", null, "not-the-token"), 403);
    assertProblem(browser.apiWithToken("POST", "/api/tasks/" + taskId + "/claim", null, null), 403);
    assertProblem(browser.apiWithToken("POST", "/api/tasks/" + taskId + "/claim", null, "not-the-token"), 403);

    assertThat(api.task(taskId).getAssignee()).isNull();
  }

  @Test
  void shouldTellAPageItsUserAndHandItTheTokenItCannotReadFromTheWebappsCookie() {
    WebappClient browser = WebappClient.as(api.port(), LAB_LORENTEGGIO);
    assertThat(browser.xsrfCookie()).as("the webapps' cookie, out of reach of pages outside /camunda")
        .hasValueSatisfying(cookie -> assertThat(cookie.getPath()).isEqualTo("/camunda"));

    ApiClient.Response session = browser.apiWithToken("GET", "/api/session", null, null);

    assertThat(session.status()).as("%s", session).isEqualTo(200);
    assertThat(session.json().path("userId").asText()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(session.json().path("roles").toString()).contains("lab");
    assertThat(session.json().path("projects").toString()).contains(LORENTEGGIO);
    String token = session.json().path("csrfToken").asText();
    assertThat(token).isEqualTo(browser.xsrfCookie().orElseThrow().getValue());
    assertThat(browser.apiWithToken("GET", "/api/tasks", null, token).status()).isEqualTo(200);
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/session").json().path("csrfToken").isNull())
        .as("an HTTP Basic login needs no token").isTrue();
    assertProblem(WebappClient.anonymous(api.port()).apiWithToken("GET", "/api/session", null, null), 401);
  }

  @Test
  void shouldAnswer401WithoutALoginAndAfterTheLogout() {
    WebappClient anonymous = WebappClient.anonymous(api.port());
    assertProblem(anonymous.api("GET", "/api/tasks", null), 401);

    WebappClient browser = WebappClient.as(api.port(), LAB_LORENTEGGIO);
    assertThat(browser.api("GET", "/api/tasks", null).status()).isEqualTo(200);
    browser.logout();

    ApiClient.Response after = browser.api("GET", "/api/tasks", null);
    assertThat(after.status()).as("%s", after).isIn(401, 403);
  }

  @Test
  void shouldNotChallengeAScriptOfOurPagesSoTheBrowserOpensNoLoginBoxOverThePage() throws Exception {
    java.net.http.HttpResponse<String> script = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + api.port() + "/api/session"))
            .header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).as("no challenge for our scripts").isEmpty();
    assertThat(api.raw("GET", "/api/session", null, null).wwwAuthenticate()).as("a challenge for everyone else")
        .isPresent();
  }

  @Test
  void shouldKeepTheLoginsSessionWhenARequestSentBeforeTheLoginArrivesAfterIt() throws Exception {
    WebappClient browser = WebappClient.anonymous(api.port());
    String before = browser.sessionId().orElseThrow();
    assertThat(browser.login(LAB_LORENTEGGIO, "demo").status()).isEqualTo(200);
    String after = browser.sessionId().orElseThrow();
    assertThat(after).as("a login starts a new session").isNotEqualTo(before);

    // a request the page sent before the login, arriving after it with the old session's cookie
    HttpResponse<String> late = withSessionCookie(before, "/camunda/api/engine/engine/default/task/count");

    assertThat(late.statusCode()).isEqualTo(401);
    assertThat(late.headers().allValues("Set-Cookie")).as("no new session to replace the login's in the browser")
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    assertThat(browser.get("/task/count").status()).as("the login's session still serves the user").isEqualTo(200);
    assertThat(browser.api("GET", "/api/session", null).json().path("userId").asText()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(withSessionCookie(before, "/camunda/api/admin/auth/user/default").statusCode())
        .as("the replaced session is never accepted again").isEqualTo(401);
  }

  @Test
  void shouldStillGiveABrowserWhoseSessionRanOutANewOneToLogInWith() throws Exception {
    // a session no login replaced: expired, or held by a node that restarted
    HttpResponse<String> expired = withSessionCookie("0123456789ABCDEF0123456789ABCDEF",
        "/camunda/api/admin/auth/user/default");

    assertThat(expired.statusCode()).isIn(401, 404);
    assertThat(expired.headers().allValues("Set-Cookie")).as("a new session, as before")
        .anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
  }

  private HttpResponse<String> withSessionCookie(String sessionId, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
            .header("Accept", "application/json, text/plain, */*").header("Cookie", "JSESSIONID=" + sessionId).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldKeepEveryProjectToItself() {
    ApiFixtures.Started lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    WebappClient bollate = WebappClient.as(api.port(), LAB_BOLLATE);

    assertProblem(bollate.api("GET", "/api/pathways/" + lorenteggio.pathwayId(), null), 404);
    assertThat(bollate.api("GET", "/api/tasks?pathwayId=" + lorenteggio.pathwayId(), null).json()).isEmpty();
  }

  @Test
  void shouldPreferAnExplicitLoginToTheSession() {
    WebappClient browser = WebappClient.as(api.port(), LAB_LORENTEGGIO);
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    // HTTP Basic with a wrong password in a logged-in browser: the Basic login decides, and it fails
    ApiClient.Response response = browser.apiWithBasic("GET", "/api/pathways/" + started.pathwayId(), null,
        LAB_LORENTEGGIO, "wrong");

    assertProblem(response, 401);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
