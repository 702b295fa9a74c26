package org.erplab.pathways.support;

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
 * A browser logged in to the Camunda webapps (session cookie and XSRF token), to call the webapps' own engine API
 * ({@code /camunda/api/engine/engine/default/...}) as Tasklist and Cockpit do.
 */
public final class WebappSession {

  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Logs in to Tasklist as the user (password {@code demo}); fails if the login is refused. */
  public static WebappSession login(int port, String user) {
    WebappSession session = new WebappSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    HttpResponse<String> loggedIn = session.send(HttpRequest.newBuilder(
            URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (loggedIn.statusCode() != 200) {
      throw new IllegalStateException("webapp login of " + user + ": " + loggedIn.statusCode());
    }
    // the login starts a new session; the next request hands out that session's XSRF token, as in a browser
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default")).GET());
    return session;
  }

  /** Sends the request (its URI relative to the server) with the session's cookie, XSRF token and referer. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    request.header("X-XSRF-TOKEN", xsrf()).header("Referer", base + "/camunda/app/tasklist/default/");
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String base() {
    return base;
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }
}
