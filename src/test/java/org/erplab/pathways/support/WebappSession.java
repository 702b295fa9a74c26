package org.erplab.pathways.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session in the Camunda webapps: logs in like Tasklist does (session cookie and XSRF token), then calls
 * the webapps' own engine API ({@code /camunda/api/engine/engine/default/...}) as Tasklist and Cockpit do.
 */
public final class WebappSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Logged in to Tasklist as the user (password {@code demo}); fails if the login fails. */
  public static WebappSession tasklist(int port, String user) {
    WebappSession session = new WebappSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    Reply login = session.send(HttpRequest.newBuilder(URI.create(session.base
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.status() != 200) {
      throw new IllegalStateException("webapp login of " + user + ": " + login);
    }
    // the login starts a new session; the next request hands out that session's XSRF token, as in a browser
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default")).GET());
    return session;
  }

  /** GET on the webapps' engine API, e.g. {@code engine("/task/" + id + "/form-variables")}. */
  public Reply getEngine(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Accept", "application/json").GET());
  }

  /** POST of a JSON body on the webapps' engine API. */
  public Reply postEngine(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : ApiClient.json(body))));
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = browser.send(request.header("Referer", base + "/camunda/app/tasklist/default/")
          .build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and body of an answer. */
  public record Reply(int status, String body) {

    public JsonNode json() {
      try {
        return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
