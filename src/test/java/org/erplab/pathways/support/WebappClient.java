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
 * The webapps' own engine API ({@code /camunda/api/engine/engine/default/...}), called as Tasklist and Cockpit call it
 * from a browser: a session login to the webapps, then the session cookie and the XSRF token on every request.
 * Paths are relative to the engine ({@code /task/{id}/claim}), as for engine REST.
 */
public final class WebappClient {

  public static final String ENGINE_API = "/camunda/api/engine/engine/default";
  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;
  private final String sourceAddress;

  private WebappClient(int port, String sourceAddress) {
    this.base = "http://localhost:" + port;
    this.sourceAddress = sourceAddress;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    // the first page hands out the XSRF token, as in a browser
    exchange(HttpRequest.newBuilder(URI.create(base + TASKLIST)).GET());
  }

  /** A browser that opened Tasklist and did not log in. */
  public static WebappClient anonymous(int port) {
    return new WebappClient(port, null);
  }

  /** A browser logged in to Tasklist as a demo user (password {@code demo}); fails if the login fails. */
  public static WebappClient as(int port, String user) {
    WebappClient client = new WebappClient(port, null);
    ApiClient.Response login = client.login(user, "demo");
    if (login.status() != 200) {
      throw new AssertionError("webapp login of " + user + ": " + login);
    }
    return client;
  }

  /** A browser at another address (failed logins are throttled per source address). */
  public static WebappClient from(int port, String address) {
    return new WebappClient(port, address);
  }

  /** Logs in to Tasklist like its login page does; the answer of the login request. */
  public ApiClient.Response login(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    ApiClient.Response response = exchange(browserRequest("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    // the login starts a new session; the next request hands out that session's XSRF token
    exchange(browserRequest("/camunda/api/admin/auth/user/default").GET());
    return response;
  }

  public ApiClient.Response get(String enginePath) {
    return exchange(browserRequest(ENGINE_API + enginePath).GET());
  }

  public ApiClient.Response post(String enginePath, Object body) {
    return exchange(browserRequest(ENGINE_API + enginePath).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body instanceof String s ? s : ApiClient.json(body))));
  }

  public ApiClient.Response postMultipart(String enginePath, Multipart body) {
    return exchange(browserRequest(ENGINE_API + enginePath).header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  public ApiClient.Response put(String enginePath, Object body) {
    return exchange(browserRequest(ENGINE_API + enginePath).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : ApiClient.json(body))));
  }

  public ApiClient.Response delete(String enginePath) {
    return exchange(browserRequest(ENGINE_API + enginePath).DELETE());
  }

  /**
   * Sends a request built by the caller (any method, URI, headers and body) with the session's cookie, XSRF token and
   * referer only, as a browser page of the webapps would.
   */
  public ApiClient.Response send(HttpRequest.Builder request) {
    request.header("X-XSRF-TOKEN", xsrf()).header("Referer", base + TASKLIST);
    if (sourceAddress != null) {
      request.header("X-Forwarded-For", sourceAddress);
    }
    return exchange(request);
  }

  private HttpRequest.Builder browserRequest(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json, text/plain, */*")
        .header("X-XSRF-TOKEN", xsrf())
        .header("Referer", base + TASKLIST);
    if (sourceAddress != null) {
      request.header("X-Forwarded-For", sourceAddress);
    }
    return request;
  }

  /** A request to our {@code /api} in this session, as our pages and Tasklist plugins send it (with the XSRF token). */
  public ApiClient.Response api(String method, String path, Object body) {
    return exchange(apiRequest(method, path, body).header("X-XSRF-TOKEN", xsrf()));
  }

  /** The same request to {@code /api} in this session with the given XSRF header value, or none (null). */
  public ApiClient.Response apiWithToken(String method, String path, Object body, String token) {
    HttpRequest.Builder request = apiRequest(method, path, body);
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return exchange(request);
  }

  /** The same request to {@code /api} in this session, with an HTTP Basic login of its own. */
  public ApiClient.Response apiWithBasic(String method, String path, Object body, String user, String password) {
    return exchange(apiRequest(method, path, body).header("X-XSRF-TOKEN", xsrf()).header("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
  }

  private HttpRequest.Builder apiRequest(String method, String path, Object body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : ApiClient.json(body)));
  }

  /** The session's XSRF cookie as the browser keeps it (its path decides which pages' scripts can read it). */
  public java.util.Optional<HttpCookie> xsrfCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst();
  }

  /** The session cookie's value as the browser keeps it. */
  public java.util.Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst();
  }

  /** Logs out of the webapps, as their menu does. */
  public ApiClient.Response logout() {
    return exchange(browserRequest("/camunda/api/admin/auth/user/default/logout")
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private ApiClient.Response exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
