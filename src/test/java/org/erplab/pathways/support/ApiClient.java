package org.erplab.pathways.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Real HTTP against the running application, as another system would call it. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String user;
  private final String password;
  private final String sourceAddress;
  private final java.time.Duration timeout;

  private ApiClient(String baseUrl, String user, String password) {
    this(baseUrl, user, password, null);
  }

  private ApiClient(String baseUrl, String user, String password, String sourceAddress) {
    this(baseUrl, user, password, sourceAddress, null);
  }

  private ApiClient(String baseUrl, String user, String password, String sourceAddress, java.time.Duration timeout) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.sourceAddress = sourceAddress;
    this.timeout = timeout;
  }

  /**
   * The same client, giving up on an answer after {@code timeout} ({@link UncheckedIOException} caused by
   * {@link java.net.http.HttpTimeoutException}): load and fault suites tell a hang from an error.
   */
  public ApiClient within(java.time.Duration timeout) {
    return new ApiClient(baseUrl, user, password, sourceAddress, timeout);
  }

  /**
   * The same client, seen by the application as coming from another address (X-Forwarded-For, trusted from loopback
   * as from a proxy): login throttling counts per source address.
   */
  public ApiClient from(String address) {
    return new ApiClient(baseUrl, user, password, address, timeout);
  }

  /** A fresh documentation address (TEST-NET-2), different at each call. */
  public static String someAddress() {
    int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 65_000);
    return "198.51." + (n / 256) + "." + (n % 256);
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://localhost:" + port, null, null);
  }

  /** Logged in as a demo user (password {@code demo}). */
  public static ApiClient as(int port, String user) {
    return new ApiClient("http://localhost:" + port, user, "demo");
  }

  public static ApiClient as(int port, String user, String password) {
    return new ApiClient("http://localhost:" + port, user, password);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /**
   * A GET whose answer is a file (CSV, PDF), or an error as problem+json: the body kept as bytes, as a browser would
   * save it.
   */
  public Download download(String path) {
    HttpRequest.Builder request = request(path).setHeader("Accept", "text/csv, application/pdf, application/json, "
        + "application/problem+json");
    try {
      HttpResponse<byte[]> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  /** A POST with headers of its own ({@code name, value, name, value...}), e.g. {@code Prefer}. */
  public Response post(String path, Object body, String... headers) {
    return send(request(path).header("Content-Type", "application/json").headers(headers)
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A DELETE with a JSON body (e.g. the reason of an erasure). */
  public Response delete(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  /** A {@code multipart/form-data} POST (engine REST deployments and attachments). */
  public Response postMultipart(String path, Multipart body) {
    return send(request(path).header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, application/problem+json");
    if (sourceAddress != null) {
      builder.header("X-Forwarded-For", sourceAddress);
    }
    if (timeout != null) {
      builder.timeout(timeout);
    }
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
          response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A file's answer: status, content type, the body's bytes and the headers. */
  public record Download(int status, String contentType, byte[] body, java.util.Map<String, List<String>> headers) {

    /** The first value of a response header, if present (names are case-insensitive). */
    public java.util.Optional<String> header(String name) {
      return new Response(status, contentType, "", headers).header(name);
    }

    /** The body read as UTF-8 (a byte order mark stays, as U+FEFF). */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return status + " " + contentType + (contentType.startsWith("application/pdf") ? "" : " " + text());
    }
  }

  /** Status, content type and body; {@link #json()} parses the body. */
  public record Response(int status, String contentType, String body, java.util.Map<String, List<String>> headers) {

    /** The first value of a response header, if present (names are case-insensitive). */
    public java.util.Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    public JsonNode json() {
      try {
        return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
