package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Failed logins are throttled per source address and user at every door (issue point 7): a guesser is slowed down and
 * answered 429 with {@code Retry-After}, the real user elsewhere is not, nobody is locked out for good, and an
 * administrator sees and clears the throttles. Throttle settings: 3 free failures, then 2 s doubling (application.yml).
 */
@PathwaysSpringTest
class LoginThrottleTest {

  private static final String VICTIM = "throttle.victim.test";
  private final ApiFixtures api;
  private final int port;

  @Autowired
  LoginThrottleTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureUser(VICTIM, "cpi", "AFOL_MET", ApiFixtures.LORENTEGGIO);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldThrottleAGuesserAndNotTheRealUserElsewhere() throws Exception {
    String guesser = ApiClient.someAddress();
    ApiClient guessing = ApiClient.as(port, VICTIM, "guess").from(guesser);
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertProblem(guessing.get("/api/projects"), 401);
    }

    // the guesser is throttled, even with the right password (it learns nothing)
    ApiClient.Response throttled = guessing.get("/api/projects");
    assertProblem(throttled, 429);
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 2L);
    assertProblem(ApiClient.as(port, VICTIM, "demo").from(guesser).get("/api/projects"), 429);
    // at the other doors too
    assertThat(ApiClient.as(port, VICTIM, "demo").from(guesser).get("/engine-rest/task").status()).isEqualTo(429);
    assertThat(webappLogin(VICTIM, "demo", guesser)).isEqualTo(429);

    // the real user, from its own address, is not held back
    assertThat(ApiClient.as(port, VICTIM, "demo").from(ApiClient.someAddress()).get("/api/projects").status())
        .isEqualTo(200);
    assertThat(webappLogin(VICTIM, "demo", ApiClient.someAddress())).isEqualTo(200);

    // and the throttle ends: after the delay (on the engine's clock), the right password works from the guesser's
    // address again
    ClockUtil.offset(2_100L);
    assertThat(ApiClient.as(port, VICTIM, "demo").from(guesser).get("/api/projects").status()).isEqualTo(200);
  }

  @Test
  void shouldNeverLockAnAccountBecauseOfAttemptsFromElsewhere() {
    // fifteen wrong passwords from fifteen addresses: Camunda's own lock-out (after ten) would lock the account
    for (int attempt = 1; attempt <= 15; attempt++) {
      assertProblem(ApiClient.as(port, VICTIM, "wrong" + attempt).from(ApiClient.someAddress()).get("/api/projects"),
          401);
    }

    assertThat(ApiClient.as(port, VICTIM, "demo").from(ApiClient.someAddress()).get("/api/projects").status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, VICTIM, "demo").from(ApiClient.someAddress()).get("/engine-rest/task").status())
        .isEqualTo(200);
  }

  @Test
  void shouldThrottleFailedLoginsAtTheWebappsLoginAndAtEngineRest() throws Exception {
    String guesser = ApiClient.someAddress();
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThat(webappLogin(VICTIM, "guess", guesser)).isEqualTo(401);
    }
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThat(ApiClient.as(port, VICTIM, "guess").from(guesser).get("/engine-rest/task").status()).isEqualTo(401);
    }

    // the failures of both doors count together
    assertThat(webappLogin(VICTIM, "guess", guesser)).isEqualTo(429);
    ApiClient.Response engineRest = ApiClient.as(port, VICTIM, "guess").from(guesser).get("/engine-rest/task");
    assertThat(engineRest.status()).isEqualTo(429);
    assertThat(engineRest.header("Retry-After")).isPresent();
    assertThat(engineRest.json().path("type").asText()).isEqualTo("LoginThrottledException");
  }

  @Test
  void shouldLetAnAdministratorSeeAndClearTheThrottles() {
    String guesser = ApiClient.someAddress();
    for (int attempt = 1; attempt <= 5; attempt++) {
      ApiClient.as(port, VICTIM, "guess").from(guesser).get("/api/projects");
    }
    String key = "u:" + guesser + "|" + VICTIM;

    ApiClient.Response list = api.as(ADMIN).get("/api/admin/login-throttles");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("key")).contains(key, "a:" + guesser);
    assertProblem(api.as(LAB_LORENTEGGIO).get("/api/admin/login-throttles"), 403);
    assertProblem(api.as(LAB_LORENTEGGIO).delete("/api/admin/login-throttles?key=" + enc(key)), 403);
    assertProblem(ApiClient.as(port, VICTIM, "demo").from(guesser).get("/api/projects"), 429);

    ApiClient.Response cleared = api.as(ADMIN).delete("/api/admin/login-throttles?key=" + enc(key));

    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().path("cleared").asInt()).isEqualTo(1);
    assertThat(ApiClient.as(port, VICTIM, "demo").from(guesser).get("/api/projects").status()).isEqualTo(200);
    assertThat(api.as(ADMIN).get("/api/admin/login-throttles").json().findValuesAsText("key")).doesNotContain(key);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Logs in to Tasklist like a browser, from the given address; the status of the login request. */
  private int webappLogin(String user, String password, String address) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String form = "username=" + enc(user) + "&password=" + enc(password);
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""))
        .header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }
}
