package org.erplab.pathways.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.WebappClient;

/**
 * The doors to the same pathways, one user at a time: our API ({@code /api}, HTTP Basic), engine REST
 * ({@code /engine-rest}, HTTP Basic) and the webapps' engine API ({@code /camunda/api/engine/engine/default}, what
 * Tasklist and Cockpit call, after a session login). The two engine doors take the same paths ({@code /task/{id}}).
 */
final class Doors {

  enum Door { API, REST, WEB }

  /** Logged-in webapp sessions, one per user (a login per request would be slow and is not what a browser does). */
  private static final Map<String, WebappClient> SESSIONS = new ConcurrentHashMap<>();

  private Doors() {}

  /** The same calls through either engine door. */
  interface EngineDoor {
    ApiClient.Response get(String path);

    ApiClient.Response post(String path, Object body);

    ApiClient.Response postMultipart(String path, Multipart body);

    ApiClient.Response put(String path, Object body);

    ApiClient.Response delete(String path);
  }

  /** Engine REST or the webapps' engine API as {@code user} ({@code null}: without logging in). */
  static EngineDoor engine(int port, Door door, String user) {
    return switch (door) {
      case REST -> rest(user == null ? ApiClient.anonymous(port) : ApiClient.as(port, user));
      case WEB -> web(user == null ? WebappClient.anonymous(port)
          : SESSIONS.computeIfAbsent(port + "/" + user, key -> WebappClient.as(port, user)));
      case API -> throw new IllegalArgumentException("our API is not an engine door");
    };
  }

  private static EngineDoor rest(ApiClient client) {
    String prefix = "/engine-rest";
    return new EngineDoor() {
      public ApiClient.Response get(String path) {
        return client.get(prefix + path);
      }

      public ApiClient.Response post(String path, Object body) {
        return client.post(prefix + path, body == null ? "" : body);
      }

      public ApiClient.Response postMultipart(String path, Multipart body) {
        return client.postMultipart(prefix + path, body);
      }

      public ApiClient.Response put(String path, Object body) {
        return client.put(prefix + path, body);
      }

      public ApiClient.Response delete(String path) {
        return client.delete(prefix + path);
      }
    };
  }

  private static EngineDoor web(WebappClient client) {
    return new EngineDoor() {
      public ApiClient.Response get(String path) {
        return client.get(path);
      }

      public ApiClient.Response post(String path, Object body) {
        return client.post(path, body);
      }

      public ApiClient.Response postMultipart(String path, Multipart body) {
        return client.postMultipart(path, body);
      }

      public ApiClient.Response put(String path, Object body) {
        return client.put(path, body);
      }

      public ApiClient.Response delete(String path) {
        return client.delete(path);
      }
    };
  }

  /** A value in the engine's variable format ({@code {"value", "type"}}). */
  static Map<String, Object> typed(Object value) {
    String type = value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
        : value instanceof java.util.List<?> ? "Json" : "String";
    return Map.of("value", value instanceof java.util.List<?> ? ApiClient.json(value) : value, "type", type);
  }

  /** Form values in the engine's variable format. */
  static Map<String, Object> typedAll(Map<String, Object> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, typed(value)));
    return typed;
  }
}
