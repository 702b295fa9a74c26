package org.erplab.pathways.api;

import org.erplab.pathways.common.domain.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO_2;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.LogCapture;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a careless or hostile caller sends, at every door: malformed JSON, JSON of the wrong shape, wrong types, 100 kB
 * strings, unknown values and fields, odd {@code Accept} and {@code Content-Type} headers, impossible dates, paging out
 * of range, unknown paths and methods, ids that are not ids; through our API, engine REST and the webapps' engine API.
 * The cases come from tables. Every answer must be a 4xx (never a 5xx), at {@code /api} in problem+json, and must
 * not repeat what was sent (a 100 kB marker, a fiscal code) nor show SQL or a stack; a refused request changes nothing
 * (tasks, registry rows, Camunda runtime and history); and the application's log, captured at production level, never
 * holds what was sent nor an ERROR for the caller's mistake.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  /** Starts every long value: seen in an answer or a log line, something was echoed. */
  static final String MARKER = "HOSTILE" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
  static final String HUGE = MARKER + "x".repeat(100_000);
  /** Long, but short enough for a path or a query string (Tomcat takes request lines of 8 kB). */
  static final String LONG = MARKER + "y".repeat(3_000);
  /** A valid fiscal code, the person's in every body sent; it must never come back in an error nor reach a log. */
  static final TestPeople.Person PERSON = TestPeople.adult();
  static final String FISCAL = PERSON.fiscalCode();
  /** What a body must never show: SQL, the driver, exceptions, stack frames. */
  static final List<String> INTERNALS = List.of("SQL", "org.postgresql", "Exception", "at org.");

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = WebappClient.ENGINE_API;
  static final String ANONYMOUS = null;
  static final String TODAY = LocalDate.now(EngineClock.ZONE).toString();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ApiFixtures api;
  private final JdbcClient jdbc;
  private final int port;
  private final Map<String, WebappClient> webappSessions = new HashMap<>();
  private LogCapture log;
  private Scene scene;

  @Autowired
  HostileInputTest(@LocalServerPort int port, ApplicationContext context) {
    this.port = port;
    this.api = new ApiFixtures(port, context);
    this.jdbc = context.getBean(JdbcClient.class);
  }

  @BeforeEach
  void captureLog() {
    log = LogCapture.start();
  }

  @AfterEach
  void releaseLog() {
    log.close();
  }

  // ================================================================== the cases

  /** One request, the statuses it may get and, for a 400 at /api, a field its errors must name. */
  record Case(String name, String user, String method, String path, String body, Map<String, String> headers,
      Set<Integer> statuses, String field) {

    static Case of(String name, String user, String method, String path, Object body) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", "application/json");
      String text = body == null ? null : body instanceof String s ? s : ApiClient.json(body);
      if (text != null) {
        headers.put("Content-Type", "application/json");
      }
      return new Case(name, user, method, path, text, headers, Set.of(), null);
    }

    Case expect(Integer... statuses) {
      return new Case(name, user, method, path, body, headers, new LinkedHashSet<>(Arrays.asList(statuses)), field);
    }

    Case naming(String field) {
      return new Case(name, user, method, path, body, headers, statuses, field);
    }

    /** Sets a header; {@code null} leaves it out. */
    Case header(String header, String value) {
      Map<String, String> changed = new LinkedHashMap<>(headers);
      if (value == null) {
        changed.remove(header);
      } else {
        changed.put(header, value);
      }
      return new Case(name, user, method, path, body, changed, statuses, field);
    }

    Case at(String door) {
      return new Case(name + " @" + (door.equals(ENGINE_REST) ? "engine-rest" : "webapp"), user, method,
          path.replace("{door}", door), body, headers, statuses, field);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The kinds of field, each with the wrong values every field of that kind is tried with. */
  enum Kind {
    TEXT(42, true, Map.of(), List.of(), HUGE),
    CODE(42, 0, true, Map.of(), List.of(), HUGE, FISCAL, "PIRATE", "lab"),
    YES_NO("true", "yes", 1, 0, Map.of(), List.of(), HUGE, FISCAL),
    DATE("10000-01-01", "+10000-01-01", "0000-00-00", "0000-01-01", "2026-02-30", "01/02/1990", 19900101, true,
        Map.of(), List.of(), HUGE, FISCAL, "+999999999-12-31", "-999999999-01-01"),
    /** A task's date: also before the pathway started and years ahead. */
    TASK_DATE("10000-01-01", "+10000-01-01", "0000-00-00", "0000-01-01", "2026-02-30", "01/02/1990", 19900101, true,
        Map.of(), List.of(), HUGE, FISCAL, "2000-01-01", LocalDate.now(EngineClock.ZONE).plusYears(3).toString()),
    LIST("NONE", List.of("PIRATE"), List.of(42), List.of(HUGE), List.of(List.of()), Map.of(), FISCAL,
        List.of("NONE", "NONE")),
    OBJECT("x", 42, List.of(), true, FISCAL, List.of(Map.of())),
    NOTE(42, true, Map.of(), List.of(), HUGE, "x".repeat(4001));

    final List<Object> wrongValues;

    Kind(Object... wrongValues) {
      this.wrongValues = List.of(wrongValues);
    }
  }

  /** A field of a request body: where it is, its kind, and the name a 400 must give it. */
  record Field(String path, Kind kind, String reported) {}

  /** The /api endpoints that take a body: a valid body, and its fields. */
  enum BodyEndpoint {
    START(LAB_LORENTEGGIO, "/api/pathways", List.of(
        new Field("projectCode", Kind.CODE, "projectCode"),
        new Field("channel", Kind.CODE, "channel"),
        new Field("person", Kind.OBJECT, "person"),
        new Field("person.fiscalCode", Kind.TEXT, "person.fiscalCode"),
        new Field("person.firstName", Kind.TEXT, "person.firstName"),
        new Field("person.lastName", Kind.TEXT, "person.lastName"),
        new Field("person.birthDate", Kind.DATE, "person.birthDate"),
        new Field("person.gender", Kind.CODE, "person.gender"),
        new Field("person.citizenship", Kind.CODE, "person.citizenship"),
        new Field("person.phone", Kind.TEXT, "person.phone"),
        new Field("person.email", Kind.TEXT, "person.email"),
        new Field("person.permitExpiry", Kind.DATE, "person.permitExpiry"),
        new Field("person.address", Kind.TEXT, "person.address"))),
    REGISTER(ANONYMOUS, "/api/public/registrations", List.of(
        new Field("projectCode", Kind.CODE, "projectCode"),
        new Field("fiscalCode", Kind.TEXT, "fiscalCode"),
        new Field("firstName", Kind.TEXT, "firstName"),
        new Field("lastName", Kind.TEXT, "lastName"),
        new Field("phone", Kind.TEXT, "phone"),
        new Field("email", Kind.TEXT, "email"),
        new Field("consent", Kind.YES_NO, "consent"))),
    INTERVIEW(LAB_LORENTEGGIO, "/api/tasks/{interview}/complete", List.of(
        new Field("variables", Kind.OBJECT, "variables"),
        new Field("variables.consentGiven", Kind.YES_NO, "consentGiven"),
        new Field("variables.residentInErp", Kind.YES_NO, "residentInErp"),
        new Field("variables.housingHardship", Kind.YES_NO, "housingHardship"),
        new Field("variables.hasDid", Kind.YES_NO, "hasDid"),
        new Field("variables.naspiRecipient", Kind.YES_NO, "naspiRecipient"),
        new Field("variables.employmentStatus", Kind.CODE, "employmentStatus"),
        new Field("variables.education", Kind.CODE, "education"),
        new Field("variables.otherMeasure", Kind.CODE, "otherMeasure"),
        new Field("variables.permitStatus", Kind.CODE, "permitStatus"),
        new Field("variables.vulnerabilities", Kind.LIST, "vulnerabilities"),
        new Field("variables.note", Kind.NOTE, "note"))),
    APPOINTMENT(OPERATOR_LORENTEGGIO, "/api/tasks/{appointment}/complete", List.of(
        new Field("variables", Kind.OBJECT, "variables"),
        new Field("variables.appointmentDate", Kind.TASK_DATE, "appointmentDate"))),
    DOCUMENTS(CPI_MILANO, "/api/tasks/{documents}/complete", List.of(
        new Field("variables", Kind.OBJECT, "variables"),
        new Field("variables.documentsReceivedOn", Kind.TASK_DATE, "documentsReceivedOn")));

    final String user;
    final String path;
    final List<Field> fields;

    BodyEndpoint(String user, String path, List<Field> fields) {
      this.user = user;
      this.path = path;
      this.fields = fields;
    }

    /** A body that would be accepted (a new mutable copy). */
    Map<String, Object> valid() {
      return switch (this) {
        case START -> ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", new LinkedHashMap<>(PERSON.asRequest()));
        case REGISTER -> registration(PERSON);
        case INTERVIEW -> ApiFixtures.body(IntakeAnswers.eligible());
        case APPOINTMENT -> ApiFixtures.body(new LinkedHashMap<>(Map.of("appointmentDate", TODAY)));
        case DOCUMENTS -> ApiFixtures.body(new LinkedHashMap<>(Map.of("documentsReceivedOn", TODAY)));
      };
    }

    /** The name an unknown field inside the body is reported with. */
    String nested(String name) {
      return this == START ? "person." + name : name;
    }

    String nestedObject() {
      return this == START ? "person" : this == REGISTER ? null : "variables";
    }
  }

  static Map<String, Object> registration(TestPeople.Person person) {
    return PublicRegistrationApiTest.registration(LORENTEGGIO, person);
  }

  /** Bodies that are not JSON, or JSON of the wrong shape. */
  static final List<String> MALFORMED = List.of("", "{", "{\"a\": ", "nul", "{'a': 1}", "{\"a\": " + FISCAL + "}",
      "{\"variables\": {\"note\": \"" + FISCAL, "[]", "[{}]", "\"text\"", "42", "true", "null",
      "\"" + HUGE + "\"", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\": 1} {\"b\": 2}");

  static Stream<Case> apiBodies() {
    List<Case> cases = new ArrayList<>();
    for (BodyEndpoint endpoint : BodyEndpoint.values()) {
      String prefix = endpoint + " ";
      for (String body : MALFORMED) {
        cases.add(Case.of(prefix + "malformed " + shorten(body), endpoint.user, "POST", endpoint.path, body)
            .expect(400));
      }
      for (Field field : endpoint.fields) {
        List<Object> values = new ArrayList<>(field.kind().wrongValues);
        if (field.path().endsWith("consent")) {
          values.add(false);
        }
        if (field.path().endsWith("fiscalCode")) {
          values.add("RSSMRA85T10F205X");
        }
        if (field.path().endsWith("email")) {
          values.add("not-an-email");
        }
        if (field.path().endsWith("phone")) {
          values.add("call me");
        }
        for (Object value : values) {
          Map<String, Object> body = endpoint.valid();
          set(body, field.path(), value);
          cases.add(Case.of(prefix + field.path() + " = " + shorten(value), endpoint.user, "POST", endpoint.path, body)
              .expect(400).naming(field.reported()));
        }
      }
      Map<String, Object> unknown = endpoint.valid();
      unknown.put("pirate", 1);
      cases.add(Case.of(prefix + "unknown field", endpoint.user, "POST", endpoint.path, unknown)
          .expect(400).naming("pirate"));
      Map<String, Object> hugeName = endpoint.valid();
      hugeName.put(HUGE, 1);
      cases.add(Case.of(prefix + "unknown field of 100 kB", endpoint.user, "POST", endpoint.path, hugeName)
          .expect(400));
      if (endpoint.nestedObject() != null) {
        for (String name : List.of("salary", "<script>alert(1)</script>", "", LONG)) {
          Map<String, Object> body = endpoint.valid();
          set(body, endpoint.nestedObject() + "." + name, 1200);
          Case c = Case.of(prefix + "unknown field in " + endpoint.nestedObject() + ": " + shorten(name),
              endpoint.user, "POST", endpoint.path, body).expect(400);
          cases.add(name.equals("salary") ? c.naming(endpoint.nested(name)) : c);
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiBodies")
  void shouldRefuseAHostileBodyAtTheApi(Case hostile) {
    attempt(hostile);
  }

  // ------------------------------------------------------------------ Accept and Content-Type

  /** Every /api endpoint: a valid request, and (for those that change something) one that must be refused. */
  record Endpoint(String name, String user, String method, String path, UnaryOperator<Object> validBody,
      Object invalidBody, String invalidPath, int validStatus, int invalidStatus) {}

  static List<Endpoint> endpoints() {
    return List.of(
        read("list tasks", LAB_LORENTEGGIO, "/api/tasks"),
        read("task summary", LAB_LORENTEGGIO, "/api/tasks/summary"),
        read("pathway", LAB_LORENTEGGIO, "/api/pathways/{pathway}"),
        read("audit trail", LAB_LORENTEGGIO, "/api/pathways/{pathway}/audit"),
        read("participant", LAB_LORENTEGGIO, "/api/participants/{participant}"),
        read("access log", AUDITOR, "/api/participants/{participant}/access-log"),
        read("projects", LAB_LORENTEGGIO, "/api/projects"),
        read("organisations", LAB_LORENTEGGIO, "/api/projects/LORENTEGGIO/organisations"),
        read("login throttles", ADMIN, "/api/admin/login-throttles"),
        new Endpoint("clear login throttle", ADMIN, "DELETE", "/api/admin/login-throttles?key=none", null, null,
            null, 200, 200),
        new Endpoint("start pathway", LAB_LORENTEGGIO, "POST", "/api/pathways",
            x -> ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", TestPeople.adult().asRequest()),
            Map.of("projectCode", LORENTEGGIO, "channel", "LAB"), null, 201, 400),
        new Endpoint("public registration", ANONYMOUS, "POST", "/api/public/registrations",
            x -> registration(TestPeople.adult()), Map.of("projectCode", LORENTEGGIO, "consent", false), null, 202,
            400),
        new Endpoint("claim", LAB_LORENTEGGIO, "POST", "/api/tasks/{interview}/claim", null, null,
            "/api/tasks/no-such-task/claim", 204, 404),
        new Endpoint("unclaim", LAB_LORENTEGGIO, "POST", "/api/tasks/{interview}/unclaim", null, null,
            "/api/tasks/no-such-task/unclaim", 204, 404),
        new Endpoint("complete", OPERATOR_LORENTEGGIO, "POST", "/api/tasks/{appointment}/complete",
            x -> ApiFixtures.body(Map.of("appointmentDate", TODAY)),
            ApiFixtures.body(Map.of("appointmentDate", "10000-01-01")), null, 204, 400));
  }

  private static Endpoint read(String name, String user, String path) {
    return new Endpoint(name, user, "GET", path, null, null, null, 200, 200);
  }

  private static Case valid(Endpoint e, String what) {
    return Case.of(e.name() + " " + what, e.user(), e.method(), e.path(),
        e.validBody() == null ? null : e.validBody().apply(null));
  }

  private static Case invalid(Endpoint e, String what) {
    if (e.invalidBody() == null && e.invalidPath() == null) {
      return valid(e, what).expect(e.validStatus());
    }
    return Case.of(e.name() + " " + what + " (invalid)", e.user(), e.method(),
        e.invalidPath() == null ? e.path() : e.invalidPath(), e.invalidBody()).expect(e.invalidStatus());
  }

  static Stream<Case> acceptHeaders() {
    List<Case> cases = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      // an answer the caller cannot read: 406 before anything happens, or JSON (never a 500)
      for (String accept : List.of("application/xml", "text/html", "image/png, text/csv", "nonsense/////")) {
        cases.add(valid(e, "Accept " + accept).header("Accept", accept).expect(406, e.validStatus()));
      }
      // an answer in JSON: the request is judged as usual
      for (String accept : Arrays.asList("*/*", null, "application/json;q=0.1, application/xml",
          "application/problem+json, application/json")) {
        cases.add(invalid(e, "Accept " + accept).header("Accept", accept));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerAnOddAcceptHeaderWith406OrJson(Case hostile) {
    attempt(hostile);
  }

  static Stream<Case> contentTypes() {
    List<Case> cases = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      if (e.validBody() == null) {
        continue;
      }
      for (String type : Arrays.asList("text/plain", "application/xml", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x", null, "nonsense", "text/json")) {
        cases.add(valid(e, "Content-Type " + type).header("Content-Type", type).expect(415));
      }
      cases.add(valid(e, "Content-Type with an unknown charset").header("Content-Type",
          "application/json; charset=klingon").expect(400, 415));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contentTypes")
  void shouldRefuseABodyThatIsNotJsonWith415(Case hostile) {
    attempt(hostile);
  }

  // ------------------------------------------------------------------ paging, paths, methods, ids

  static Stream<Case> paging() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    invalid.put("firstResult=-1", "firstResult");
    invalid.put("maxResults=0", "maxResults");
    invalid.put("maxResults=-1", "maxResults");
    invalid.put("maxResults=100000", "maxResults");
    invalid.put("maxResults=2147483648", "maxResults");
    invalid.put("firstResult=-2147483649", "firstResult");
    invalid.put("maxResults=1e3", "maxResults");
    invalid.put("maxResults=" + FISCAL, "maxResults");
    invalid.put("overdue=perhaps", "overdue");
    invalid.put("overdue=" + LONG, "overdue");
    invalid.forEach((query, field) -> cases.add(Case.of("tasks ?" + shorten(query), LAB_LORENTEGGIO, "GET",
        "/api/tasks?" + query, null).expect(400).naming(field)));
    Map<String, String> export = new LinkedHashMap<>();
    export.put("format=" + LONG, "format");
    export.put("format=xlsx", "format");
    export.put("project=ATLANTIDE", "project");
    export.put("status=" + FISCAL, "status");
    export.put("outcome=" + LONG, "outcome");
    export.put("from=2026-02-30", "from");
    export.put("to=" + FISCAL, "to");
    export.put("format=csv&maxResults=100000", "maxResults");
    export.put("maxResults=1e3", "maxResults");
    export.put("firstResult=-2147483649", "firstResult");
    export.forEach((query, field) -> cases.add(Case.of("audit pathways ?" + shorten(query), AUDITOR, "GET",
        "/api/audit/pathways?" + query, null).expect(400).naming(field)));
    // the auditors' search on the pathway list
    Map<String, String> list = new LinkedHashMap<>();
    list.put("outcome=" + LONG, "outcome");
    list.put("outcome=placed", "outcome");
    list.put("participant=" + FISCAL, "participant");
    list.put("participant=%27%3B%20drop%20table%20pathway%3B--", "participant");
    list.put("createdFrom=2026-02-30", "createdFrom");
    list.put("createdTo=" + LONG, "createdTo");
    list.put("createdFrom=2026-12-02&createdTo=2026-12-01", "createdTo");
    list.forEach((query, field) -> cases.add(Case.of("pathways ?" + shorten(query), AUDITOR, "GET",
        "/api/pathways?" + query, null).expect(400).naming(field)));
    for (String query : List.of("project=" + FISCAL, "project=" + LONG, "project=ATLANTIDE")) {
      cases.add(Case.of("tasks ?" + shorten(query), LAB_LORENTEGGIO, "GET", "/api/tasks?" + query, null).expect(403));
      cases.add(Case.of("summary ?" + shorten(query), LAB_LORENTEGGIO, "GET", "/api/tasks/summary?" + query, null)
          .expect(403));
    }
    for (String query : List.of("maxResults=", "taskKey=" + LONG, "taskKey=" + FISCAL, "firstResult=100000000")) {
      cases.add(Case.of("tasks ?" + shorten(query), LAB_LORENTEGGIO, "GET", "/api/tasks?" + query, null)
          .expect(200));
    }
    cases.add(Case.of("clear throttle with a long key", ADMIN, "DELETE", "/api/admin/login-throttles?key=" + LONG,
        null).expect(200));
    for (String door : List.of(ENGINE_REST, WEBAPP_API)) {
      for (String query : List.of("task?firstResult=-1", "task?maxResults=-1", "task?firstResult=-1&maxResults=0",
          "task?maxResults=100000", "task?maxResults=" + FISCAL, "task?firstResult=2147483648",
          "history/variable-instance?firstResult=-5", "process-instance?maxResults=-1", "task?dueAfter=" + FISCAL,
          "task?dueAfter=10000-01-01T00:00:00.000%2B0100", "task?sortBy=" + FISCAL + "&sortOrder=asc",
          "task?processVariables=" + FISCAL + "_eq_x", "task/" + FISCAL, "process-instance/" + LONG)) {
        cases.add(Case.of("engine " + shorten(query), LAB_LORENTEGGIO, "GET", "{door}/" + query, null)
            .expect(200, 400, 404).at(door));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paging")
  void shouldRefusePagingAndFiltersOutOfRange(Case hostile) {
    attempt(hostile);
  }

  static Stream<Case> pathsAndMethods() {
    List<Case> cases = new ArrayList<>();
    for (String path : List.of("/api/nothing", "/api/tasks/x/y/z", "/api/tasks/{interview}/explode", "/api",
        "/api/" + FISCAL, "/api/" + LONG, "/api/pathways/{pathway}/nothing", "/api/admin")) {
      cases.add(Case.of("GET " + shorten(path), LAB_LORENTEGGIO, "GET", path, null).expect(404));
    }
    cases.add(Case.of("GET unknown public path", ANONYMOUS, "GET", "/api/public/nothing", null).expect(404));
    cases.add(Case.of("GET unknown path without login", ANONYMOUS, "GET", "/api/nothing", null).expect(401));
    Object[][] methods = {
        {"DELETE", "/api/tasks", LAB_LORENTEGGIO, "GET"},
        {"PUT", "/api/pathways", LAB_LORENTEGGIO, "POST"},
        {"PATCH", "/api/pathways", LAB_LORENTEGGIO, "GET"},
        {"DELETE", "/api/pathways/{pathway}", LAB_LORENTEGGIO, "GET"},
        {"PATCH", "/api/tasks/{interview}/claim", LAB_LORENTEGGIO, "POST"},
        {"GET", "/api/tasks/{interview}/complete", LAB_LORENTEGGIO, "POST"},
        {"PUT", "/api/tasks/{interview}/complete", LAB_LORENTEGGIO, "POST"},
        {"POST", "/api/tasks/summary", LAB_LORENTEGGIO, "GET"},
        {"POST", "/api/projects", LAB_LORENTEGGIO, "GET"},
        {"DELETE", "/api/projects/LORENTEGGIO/organisations", LAB_LORENTEGGIO, "GET"},
        {"POST", "/api/participants/{participant}", LAB_LORENTEGGIO, "GET"},
        {"PUT", "/api/participants/{participant}/access-log", PRIVACY, "GET"},
        {"POST", "/api/admin/login-throttles", ADMIN, "GET"},
        {"PUT", "/api/public/registrations", ANONYMOUS, "POST"},
        {"GET", "/api/public/registrations", ANONYMOUS, "POST"},
    };
    for (Object[] m : methods) {
      cases.add(Case.of(m[0] + " " + m[1], (String) m[2], (String) m[0], (String) m[1], null).expect(405)
          .naming((String) m[3]));
    }
    // an auditor's write is refused before its path is looked at: 403, whatever the method
    cases.add(Case.of("PUT access log as auditor", AUDITOR, "PUT", "/api/participants/{participant}/access-log", null)
        .expect(403));
    cases.add(Case.of("method FOO", LAB_LORENTEGGIO, "FOO", "/api/tasks", null).expect(400, 405));
    List<String> ids = List.of("not-a-uuid", FISCAL, "123", LONG, "%27%3B%20drop%20table%20pathway%3B--",
        UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "%E2%82%AC", "%20", "a%3Bb",
        "..%2F..%2Ftasks", "%00");
    for (String id : ids) {
      String shown = shorten(id);
      cases.add(Case.of("pathway id " + shown, LAB_LORENTEGGIO, "GET", "/api/pathways/" + id, null)
          .expect(400, 404));
      cases.add(Case.of("audit id " + shown, LAB_LORENTEGGIO, "GET", "/api/pathways/" + id + "/audit", null)
          .expect(400, 404));
      cases.add(Case.of("audit export id " + shown, AUDITOR, "GET", "/api/pathways/" + id + "/audit/export?format=pdf",
          null).expect(400, 404));
      cases.add(Case.of("diagrams id " + shown, AUDITOR, "GET", "/api/pathways/" + id + "/audit/diagrams", null)
          .expect(400, 404));
      cases.add(Case.of("diagram definition " + shown, AUDITOR, "GET",
          "/api/pathways/{pathway}/audit/diagrams/" + id + "/xml", null).header("Accept", "application/xml")
          .expect(400, 404));
      cases.add(Case.of("participant id " + shown, LAB_LORENTEGGIO, "GET", "/api/participants/" + id, null)
          .expect(400, 404));
      cases.add(Case.of("access log id " + shown, AUDITOR, "GET", "/api/participants/" + id + "/access-log", null)
          .expect(400, 404));
      cases.add(Case.of("organisations of project " + shown, LAB_LORENTEGGIO, "GET",
          "/api/projects/" + id + "/organisations", null).expect(400, 404));
      for (String action : List.of("claim", "unclaim", "complete")) {
        cases.add(Case.of(action + " task id " + shown, LAB_LORENTEGGIO, "POST", "/api/tasks/" + id + "/" + action,
            action.equals("complete") ? ApiFixtures.body(IntakeAnswers.eligible()) : null).expect(400, 404));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathsAndMethods")
  void shouldAnswerUnknownPathsMethodsAndIdsWithProblems(Case hostile) {
    attempt(hostile);
  }

  // ------------------------------------------------------------------ engine doors

  /** A variable in engine REST's format. */
  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    typed.put("type", type);
    return typed;
  }

  /** The valid interview in engine REST's format (a checklist as Json, as Tasklist sends it), with some changes. */
  static Map<String, Object> typedInterview(Map<String, Object> changes) {
    Map<String, Object> variables = new LinkedHashMap<>();
    IntakeAnswers.eligible().forEach((name, value) -> variables.put(name,
        value instanceof List<?> ? typed(ApiClient.json(value), "Json")
            : value instanceof Boolean ? typed(value, "Boolean") : typed(value, "String")));
    variables.putAll(changes);
    return Map.of("variables", variables);
  }

  static Stream<Case> engineDoors() {
    List<Case> cases = new ArrayList<>();
    String serializedList = "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";
    Map<String, Object> javaObject = typed(serializedList, "Object");
    javaObject.put("valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
        "serializationDataFormat", "application/x-java-serialized-object"));
    Map<String, Object> strangeClass = typed("{}", "Object");
    strangeClass.put("valueInfo", Map.of("objectTypeName", "java.lang.ProcessBuilder",
        "serializationDataFormat", "application/json"));
    Map<String, Object> hugeName = new LinkedHashMap<>();
    hugeName.put(HUGE, typed(1, "Integer"));
    Object[][] interview = {
        {"note of 4001 characters", Map.of("note", typed("x".repeat(4001), "String")), "note"},
        {"note of 100 kB", Map.of("note", typed(HUGE, "String")), "note"},
        {"note as a number", Map.of("note", typed(5, "Integer")), "note"},
        {"yes/no as text", Map.of("consentGiven", typed("yes", "String")), "consentGiven"},
        {"yes/no: a fiscal code typed Boolean", Map.of("consentGiven", typed(FISCAL, "Boolean")), null},
        {"yes/no typed Integer", Map.of("consentGiven", typed(FISCAL, "Integer")), null},
        {"unknown type", Map.of("consentGiven", typed(true, FISCAL)), null},
        {"unknown type of 3 kB", Map.of("consentGiven", typed(true, LONG)), null},
        {"select value unknown", Map.of("employmentStatus", typed("PIRATE", "String")), "employmentStatus"},
        {"select value of 100 kB", Map.of("employmentStatus", typed(HUGE, "String")), "employmentStatus"},
        {"select value a fiscal code", Map.of("employmentStatus", typed(FISCAL, "String")), "employmentStatus"},
        {"checklist as malformed Json", Map.of("vulnerabilities", typed("[\"NONE\"", "Json")), null},
        {"checklist Json with a fiscal code", Map.of("vulnerabilities", typed("[\"" + FISCAL + "\"]", "Json")),
            "vulnerabilities"},
        {"checklist Json of 100 kB", Map.of("vulnerabilities", typed("[\"" + HUGE + "\"]", "Json")),
            "vulnerabilities"},
        {"checklist as a Java-serialized object", Map.of("vulnerabilities", javaObject), null},
        {"an object of a strange class", Map.of("vulnerabilities", strangeClass), null},
        {"unknown variable", Map.of("salary", typed(1200, "Integer")), "salary"},
        {"unknown variable named with 100 kB", hugeName, null},
        {"value not typed", Map.of("note", FISCAL), null},
        {"value as a list", Map.of("note", List.of(FISCAL)), null},
    };
    for (String action : List.of("complete", "submit-form")) {
      String path = "{door}/task/{interview}/" + action;
      for (Object[] c : interview) {
        @SuppressWarnings("unchecked")
        Case hostile = Case.of(action + " interview: " + c[0], LAB_LORENTEGGIO, "POST", path,
            typedInterview((Map<String, Object>) c[1])).expect(400);
        cases.add(c[2] == null ? hostile : hostile.naming((String) c[2]));
      }
      for (Object body : List.of(Map.of("variables", List.of()), Map.of("variables", FISCAL), "{",
          "[]", "\"text\"", "{\"variables\": {\"note\": " + FISCAL + "}}", "", "null", "\"" + HUGE + "\"",
          "[".repeat(5_000) + "]".repeat(5_000))) {
        cases.add(Case.of(action + " interview: body " + shorten(body), LAB_LORENTEGGIO, "POST", path, body)
            .expect(400));
      }
      cases.add(Case.of(action + " interview: Content-Type text/plain", LAB_LORENTEGGIO, "POST", path,
          typedInterview(Map.of())).header("Content-Type", "text/plain").expect(415));
      cases.add(Case.of(action + " interview: no Content-Type", LAB_LORENTEGGIO, "POST", path,
          typedInterview(Map.of())).header("Content-Type", null).expect(415));
      cases.add(Case.of(action + " interview: Accept application/xml", LAB_LORENTEGGIO, "POST", path,
          typedInterview(Map.of("note", typed("x".repeat(4001), "String")))).header("Accept", "application/xml")
          .expect(400, 406));
      for (Object[] date : new Object[][] {
          {"year 10000", typed("10000-01-01", "String")},
          {"0000-00-00", typed("0000-00-00", "String")},
          {"before the pathway started", typed("2000-01-01", "String")},
          {"three years ahead", typed(LocalDate.now(EngineClock.ZONE).plusYears(3).toString(), "String")},
          {"a fiscal code", typed(FISCAL, "String")},
          {"typed Date, year 10000", typed("10000-01-01T00:00:00.000+0100", "Date")},
          {"typed Date, 0000-00-00", typed("0000-00-00T00:00:00.000+0100", "Date")},
          {"typed Date, a fiscal code", typed(FISCAL, "Date")},
          {"typed Date of 100 kB", typed(HUGE, "Date")}}) {
        cases.add(Case.of(action + " appointment: " + date[0], OPERATOR_LORENTEGGIO, "POST",
            "{door}/task/{appointment}/" + action, Map.of("variables", Map.of("appointmentDate", date[1])))
            .expect(400));
        cases.add(Case.of(action + " documents: " + date[0], CPI_MILANO, "POST",
            "{door}/task/{documents}/" + action, Map.of("variables", Map.of("documentsReceivedOn", date[1])))
            .expect(400));
      }
    }
    // variables written directly: refused to staff (403); an administrator's repair must still be a valid one (400)
    for (String user : List.of(LAB_LORENTEGGIO, ADMIN)) {
      int refused = user.equals(ADMIN) ? 400 : 403;
      String who = user.equals(ADMIN) ? "admin " : "lab ";
      cases.add(Case.of(who + "PUT task variable note", user, "PUT", "{door}/task/{interview}/variables/note",
          typed(HUGE, "String")).expect(refused));
      cases.add(Case.of(who + "PUT task variable of 100 kB", user, "PUT",
          "{door}/task/{interview}/variables/employmentStatus", typed(HUGE, "String")).expect(refused));
      cases.add(Case.of(who + "PUT task variable a fiscal code typed Boolean", user, "PUT",
          "{door}/task/{interview}/variables/employmentStatus", typed(FISCAL, "Boolean")).expect(refused, 400));
      cases.add(Case.of(who + "PUT task variable with a 3 kB name", user, "PUT",
          "{door}/task/{interview}/variables/" + LONG, typed(1, "Integer")).expect(refused));
      cases.add(Case.of(who + "PUT task variable, malformed", user, "PUT",
          "{door}/task/{interview}/variables/employmentStatus", "{").expect(400));
      cases.add(Case.of(who + "POST task variables of 100 kB", user, "POST", "{door}/task/{interview}/variables",
          Map.of("modifications", Map.of("employmentStatus", typed(HUGE, "String")))).expect(refused));
      // (a name of 100 kB is beyond what the JSON reader takes: 400 before the door rules)
      cases.add(Case.of(who + "POST task variables with a 100 kB name", user, "POST",
          "{door}/task/{interview}/variables", Map.of("modifications", hugeName)).expect(refused, 400));
      cases.add(Case.of(who + "POST task variables as a list", user, "POST", "{door}/task/{interview}/variables",
          Map.of("modifications", List.of())).expect(400));
      cases.add(Case.of(who + "POST instance variables of 100 kB", user, "POST",
          "{door}/process-instance/{instance}/variables",
          Map.of("modifications", Map.of("employmentStatus", typed(HUGE, "String")))).expect(refused));
      cases.add(Case.of(who + "POST instance variables, sensitive", user, "POST",
          "{door}/process-instance/{instance}/variables",
          Map.of("modifications", Map.of("note", typed(FISCAL, "String")))).expect(refused));
      cases.add(Case.of(who + "PUT instance variable a fiscal code typed Integer", user, "PUT",
          "{door}/process-instance/{instance}/variables/employmentStatus", typed(FISCAL, "Integer"))
          .expect(refused, 400));
      cases.add(Case.of(who + "PUT instance variable of another instance id", user, "PUT",
          "{door}/process-instance/" + FISCAL + "/variables/employmentStatus", typed("EMPLOYED", "String"))
          .expect(403, 404));
    }
    // starting a pathway, creating tasks, writing comments: refused whatever the body
    for (String user : List.of(LAB_LORENTEGGIO, ADMIN)) {
      String who = user.equals(ADMIN) ? "admin " : "lab ";
      Map<String, Object> start = Map.of("businessKey", UUID.randomUUID().toString(),
          "variables", Map.of("projectCode", typed(LORENTEGGIO, "String")));
      for (String action : List.of("start", "submit-form")) {
        cases.add(Case.of(who + action + " pathway", user, "POST", "{door}/process-definition/key/pathway/" + action,
            start).expect(403));
        cases.add(Case.of(who + action + " intake", user, "POST", "{door}/process-definition/key/intake/" + action,
            start).expect(403));
        cases.add(Case.of(who + action + " pathway, business key of 100 kB", user, "POST",
            "{door}/process-definition/key/pathway/" + action, Map.of("businessKey", HUGE)).expect(400, 403));
        cases.add(Case.of(who + action + " pathway with personal data", user, "POST",
            "{door}/process-definition/key/pathway/" + action,
            Map.of("variables", Map.of("fiscalCode", typed(FISCAL, "String")))).expect(400, 403));
        cases.add(Case.of(who + action + " pathway, malformed", user, "POST",
            "{door}/process-definition/key/pathway/" + action, "{\"variables\": " + FISCAL).expect(400, 403));
        cases.add(Case.of(who + action + " of an unknown key", user, "POST",
            "{door}/process-definition/key/" + FISCAL + "/" + action, start).expect(403, 404));
      }
      cases.add(Case.of(who + "create task", user, "POST", "{door}/task/create",
          Map.of("id", "hostile-" + UUID.randomUUID(), "name", HUGE)).expect(403));
      cases.add(Case.of(who + "create task with personal data", user, "POST", "{door}/task/create",
          Map.of("name", FISCAL, "description", FISCAL)).expect(403));
      cases.add(Case.of(who + "create task with a 3 kB id", user, "POST", "{door}/task/create",
          Map.of("id", LONG)).expect(400, 403));
      cases.add(Case.of(who + "create task, malformed", user, "POST", "{door}/task/create", "{\"name\": " + FISCAL)
          .expect(400));
      cases.add(Case.of(who + "comment of 100 kB", user, "POST", "{door}/task/{interview}/comment/create",
          Map.of("message", HUGE)).expect(403));
      cases.add(Case.of(who + "comment with personal data", user, "POST", "{door}/task/{interview}/comment/create",
          Map.of("message", FISCAL)).expect(403));
      cases.add(Case.of(who + "comment on an unknown task", user, "POST", "{door}/task/" + FISCAL + "/comment/create",
          Map.of("message", "x")).expect(400, 403, 404));
      cases.add(Case.of(who + "comment, malformed", user, "POST", "{door}/task/{interview}/comment/create",
          "{\"message\": " + FISCAL).expect(400, 403));
    }
    return cases.stream().flatMap(c -> Stream.of(c.at(ENGINE_REST), c.at(WEBAPP_API)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engineDoors")
  void shouldGiveTheSameVerdictAtTheEngineDoors(Case hostile) {
    attempt(hostile);
  }

  // ================================================================== known items, spelled out

  enum NoteDoor {
    API("/api/tasks/{interview}/complete"),
    ENGINE_REST_COMPLETE(ENGINE_REST + "/task/{interview}/complete"),
    ENGINE_REST_SUBMIT_FORM(ENGINE_REST + "/task/{interview}/submit-form"),
    WEBAPP_COMPLETE(WEBAPP_API + "/task/{interview}/complete"),
    WEBAPP_SUBMIT_FORM(WEBAPP_API + "/task/{interview}/submit-form");

    final String path;

    NoteDoor(String path) {
      this.path = path;
    }
  }

  @ParameterizedTest
  @EnumSource(NoteDoor.class)
  void shouldRefuseANoteOf4001CharactersAtEveryDoorNamingItAndStoringNothing(NoteDoor door) {
    String note = MARKER + "n".repeat(4001 - MARKER.length());
    Object body = door == NoteDoor.API ? ApiFixtures.body(IntakeAnswers.eligibleWith(Map.of("note", note)))
        : typedInterview(Map.of("note", typed(note, "String")));

    Answer answer = attempt(Case.of("note of 4001 characters " + door, LAB_LORENTEGGIO, "POST", door.path, body)
        .expect(400).naming("note"));

    assertThat(fields(answer)).containsExactly("note");
    assertThat(api.task(scene().interviewTask())).isNotNull();
    assertThat(count("select count(*) from case_note where pathway_id = ?", scene().interview().pathwayId()))
        .isZero();
  }

  @Test
  void shouldAnswerAcceptXmlOnTheTaskListWith406OrJson() {
    Answer answer = attempt(Case.of("GET /api/tasks as XML", LAB_LORENTEGGIO, "GET", "/api/tasks", null)
        .header("Accept", "application/xml").expect(200, 406));

    assertThat(answer.contentType()).startsWith(answer.status() == 406 ? "application/problem+json"
        : "application/json");
  }

  @Test
  void shouldAnswerAcceptXmlOnAPublicRegistrationWith406AndRegisterNobody() {
    TestPeople.Person person = TestPeople.adult();

    Answer answer = attempt(Case.of("registration as XML", ANONYMOUS, "POST", "/api/public/registrations",
        registration(person)).header("Accept", "application/xml").expect(202, 406));

    if (answer.status() == 406) {
      assertThat(api.participantCount(person.fiscalCode())).isZero();
    } else {
      assertThat(answer.contentType()).startsWith("application/json");
    }
    assertThat(answer.body()).doesNotContain(person.fiscalCode());
  }

  @Test
  void shouldRefuseToStartAPathwayThroughEngineRest() {
    for (String door : List.of(ENGINE_REST, WEBAPP_API)) {
      attempt(Case.of("start pathway", LAB_LORENTEGGIO, "POST", "{door}/process-definition/key/pathway/start",
          Map.of("businessKey", UUID.randomUUID().toString(),
              "variables", Map.of("projectCode", typed(LORENTEGGIO, "String")))).expect(403).at(door));
    }
  }

  @Test
  void shouldRefuseAnAppointmentInYear10000OrBeforeThePathwayStartedAtEveryDoor() {
    for (String day : List.of("10000-01-01", "+10000-01-01", "2000-01-01")) {
      attempt(Case.of("appointment " + day, OPERATOR_LORENTEGGIO, "POST", "/api/tasks/{appointment}/complete",
          ApiFixtures.body(Map.of("appointmentDate", day))).expect(400).naming("appointmentDate"));
      for (String door : List.of(ENGINE_REST, WEBAPP_API)) {
        attempt(Case.of("appointment " + day, OPERATOR_LORENTEGGIO, "POST", "{door}/task/{appointment}/complete",
            Map.of("variables", Map.of("appointmentDate", typed(day, "String")))).expect(400)
            .naming("appointmentDate").at(door));
      }
    }
    assertThat(api.openTaskKeys(scene().appointment().pathwayId())).containsExactly(TASK_FIRST_APPOINTMENT);
  }

  /** Repeated: the engine REST completion can arrive at any point of the API's transaction, and the other way. */
  @RepeatedTest(10)
  void shouldLetExactlyOneOfAnApiAndAnEngineRestCompletionWin() throws Exception {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    log.clear();

    List<ApiClient.Response> responses = ApiFixtures.simultaneously(
        () -> api.as(CPI_MILANO).post("/api/tasks/" + taskId + "/complete",
            ApiFixtures.body(Map.of("operatorOrganisation", "SOLCO"))),
        () -> api.as(CPI_MILANO_2).post(ENGINE_REST + "/task/" + taskId + "/complete",
            Map.of("variables", Map.of("operatorOrganisation", typed("MESTIERI", "String")))));

    ApiClient.Response viaApi = responses.get(0);
    ApiClient.Response viaEngine = responses.get(1);
    assertThat(List.of(viaApi.status(), viaEngine.status())).as("api %s / engine REST %s", viaApi, viaEngine)
        .containsExactlyInAnyOrder(204, 409);
    if (viaApi.status() == 409) {
      assertThat(viaApi.isProblem()).as("%s", viaApi).isTrue();
    } else {
      assertThat(viaEngine.json().path("type").asText()).as("%s", viaEngine).isNotBlank();
      assertThat(viaEngine.body()).doesNotContain("SQL", "ENGINE-", "Unexpected");
    }
    assertThat(api.task(taskId)).as("completed once").isNull();
    if (viaApi.status() == 204) {
      assertThat(api.completedBy(taskId)).isEqualTo(CPI_MILANO);
    }
    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation"))
        .isEqualTo(viaApi.status() == 204 ? "SOLCO" : "MESTIERI");
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_FIRST_APPOINTMENT);
    assertThat(log.lines()).as("log").noneMatch(l -> l.level() == ch.qos.logback.classic.Level.ERROR);
  }

  // ================================================================== sending and judging

  /** Sends the case against the scene and asserts every house rule about the answer, the data and the log. */
  private Answer attempt(Case hostile) {
    scene();
    Map<String, Object> before = snapshot();
    log.clear();
    Answer answer = send(hostile);
    String shown = hostile.name() + " -> " + answer;

    assertThat(answer.status()).as("no 5xx: %s", shown).isLessThan(500);
    if (!hostile.statuses().isEmpty()) {
      assertThat(answer.status()).as(shown).isIn(hostile.statuses());
    }
    assertNoLeak(hostile, answer, shown);
    if (isApi(hostile)) {
      assertApiFormat(hostile, answer, shown);
    } else if (answer.status() >= 400 && !answer.body().isBlank()) {
      JsonNode body = answer.json();
      assertThat(body.path("type").isTextual() && body.path("message").isTextual())
          .as("Camunda's error format: %s", shown).isTrue();
    }
    if (answer.status() >= 400) {
      assertThat(snapshot()).as("nothing changed: %s", shown).isEqualTo(before);
    }
    assertCleanLog(shown);
    return answer;
  }

  private static boolean isApi(Case hostile) {
    return hostile.path().startsWith("/api");
  }

  private void assertApiFormat(Case hostile, Answer answer, String shown) {
    if (answer.status() < 400) {
      assertThat(answer.body().isEmpty() || answer.contentType().startsWith("application/json"))
          .as("JSON: %s (%s)", shown, answer.contentType()).isTrue();
      return;
    }
    assertThat(answer.contentType()).as("problem+json: %s", shown).startsWith("application/problem+json");
    assertThat(answer.json().path("status").asInt()).as(shown).isEqualTo(answer.status());
    if (answer.status() == 400 && hostile.field() != null) {
      assertThat(fields(answer)).as("fields named: %s", shown).contains(hostile.field());
    }
    if (answer.status() == 400) {
      answer.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).as(shown).isNotBlank());
    }
    if (answer.status() == 405) {
      assertThat(answer.allow()).as("Allow: %s", shown).isNotBlank();
      if (hostile.field() != null) {
        assertThat(answer.allow()).as("Allow: %s", shown).contains(hostile.field());
      }
    }
  }

  private void assertNoLeak(Case hostile, Answer answer, String shown) {
    String body = answer.body();
    if (!isApi(hostile) && !body.isBlank()) {
      // Camunda's error format names the error by its exception's simple name: that is its format, not a leak
      JsonNode json = answer.json();
      if (json instanceof ObjectNode object && object.path("type").isTextual()) {
        assertThat(object.path("type").asText()).as("type: %s", shown).matches("[A-Za-z]+");
        object.remove("type");
        body = object.toString();
      }
    }
    assertThat(body).as("echo of a long value: %s", shown).doesNotContain(MARKER);
    assertThat(body).as("echo of a fiscal code: %s", shown).doesNotContain(FISCAL);
    for (String internal : INTERNALS) {
      assertThat(body).as("internals: %s", shown).doesNotContain(internal);
    }
  }

  private void assertCleanLog(String shown) {
    List<LogCapture.Line> lines = log.lines();
    assertThat(lines).as("log lines with a value sent: %s", shown)
        .noneMatch(l -> l.text().contains(MARKER) || l.text().contains(FISCAL));
    assertThat(lines).as("ERROR logged for a caller's mistake: %s", shown)
        .noneMatch(l -> l.level() == ch.qos.logback.classic.Level.ERROR);
  }

  /** The answer: status, content type, Allow header and body. */
  record Answer(int status, String contentType, String allow, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }
  }

  private static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private Answer send(Case hostile) {
    Scene scene = scene();
    String path = scene.resolve(hostile.path());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(scene.resolve(hostile.body())));
    hostile.headers().forEach(request::header);
    if (path.startsWith(WEBAPP_API)) {
      ApiClient.Response answer = webapp(hostile.user()).send(request);
      return new Answer(answer.status(), answer.contentType(), answer.header("Allow").orElse(""),
          answer.body() == null ? "" : answer.body());
    }
    if (hostile.user() != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((hostile.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Allow").orElse(""), response.body() == null ? "" : response.body());
  }

  private WebappClient webapp(String user) {
    return webappSessions.computeIfAbsent(user, u -> WebappClient.as(port, u));
  }

  // ================================================================== the scene and what must not change

  /**
   * Three pathways waiting at a task each (the interview, the first appointment, the documents), shared by the cases
   * while no case changes them; started again when one did (that case has failed already).
   */
  record Scene(ApiFixtures.Started interview, String interviewTask, String interviewInstance,
      ApiFixtures.Started appointment, String appointmentTask, ApiFixtures.Started documents, String documentsTask) {

    String resolve(String template) {
      return template
          .replace("{interview}", interviewTask)
          .replace("{instance}", interviewInstance)
          .replace("{appointment}", appointmentTask)
          .replace("{documents}", documentsTask)
          .replace("{pathway}", interview.pathwayId().toString())
          .replace("{participant}", interview.participantId().toString());
    }

    List<String> tasks() {
      return List.of(interviewTask, appointmentTask, documentsTask);
    }
  }

  private Scene scene() {
    if (scene == null || !intact(scene)) {
      ApiFixtures.Started interview = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      String interviewTask = api.taskOf(interview.pathwayId(), TASK_INTAKE_INTERVIEW);
      ApiFixtures.Started appointment = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
      ApiFixtures.Started documents = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      api.completeTask(LAB_LORENTEGGIO, api.taskOf(documents.pathwayId(), TASK_INTAKE_INTERVIEW),
          ApiFixtures.interviewWith("naspiRecipient", true));
      api.completeTask(CPI_MILANO, api.taskOf(documents.pathwayId(), TASK_VERIFY_ELIGIBILITY),
          Map.of("verificationOutcome", "DOCUMENTS_MISSING"));
      scene = new Scene(interview, interviewTask, api.task(interviewTask).getProcessInstanceId(),
          appointment, api.taskOf(appointment.pathwayId(), TASK_FIRST_APPOINTMENT),
          documents, api.taskOf(documents.pathwayId(), "Task_AwaitDocuments"));
    }
    return scene;
  }

  private boolean intact(Scene scene) {
    return assignees(scene).values().stream().allMatch("-"::equals);
  }

  /** Every table a request could change (registry, Camunda runtime and history). */
  static final List<String> TABLES = List.of("pathway", "participant", "case_note", "participant_vulnerability",
      "participant_access_log", "act_ru_task", "act_ru_variable", "act_ru_execution", "act_hi_procinst",
      "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_comment", "act_hi_attachment", "act_hi_op_log",
      "act_ge_bytearray");
  static final String COUNTS = TABLES.stream().map(t -> "(select count(*) from " + t + ") as " + t)
      .collect(java.util.stream.Collectors.joining(", ", "select ", ""));

  /** The row counts of every table a request could change, and who holds each of the scene's tasks. */
  private Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>(jdbc.sql(COUNTS).query().singleRow());
    if (scene != null) {
      state.putAll(assignees(scene));
    }
    return state;
  }

  /** Each task of the scene: "-" when open and unclaimed, the assignee when claimed, "(gone)" when completed. */
  private Map<String, Object> assignees(Scene scene) {
    Map<String, Object> state = new LinkedHashMap<>();
    scene.tasks().forEach(task -> state.put("task " + task, "(gone)"));
    jdbc.sql("select id_, coalesce(assignee_, '-') from act_ru_task where id_ in (?, ?, ?)")
        .params(scene.tasks().toArray())
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(row -> state.put("task " + row.getKey(), row.getValue()));
    return state;
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  // ================================================================== building bodies

  /** Sets the value at a dotted path of nested maps (copying each map on the way, as they may be immutable). */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> body, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      body.put(path, value);
      return;
    }
    String head = path.substring(0, dot);
    Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) body.get(head));
    set(inner, path.substring(dot + 1), value);
    body.put(head, inner);
  }

  /** A value as shown in a test name: long ones cut short. */
  static String shorten(Object value) {
    String text = value instanceof String s ? s : ApiClient.json(value);
    if (text.startsWith(MARKER) || text.contains(MARKER)) {
      return "<" + text.length() + " characters>";
    }
    if (text.equals(FISCAL)) {
      return "<a fiscal code>";
    }
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
