package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.ROME;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.interview;
import static org.erplab.pathways.api.ApiFixtures.interviewWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The audit exports over real HTTP (ADR 0037): a LORENTEGGIO pathway past its intake interview, one closed for want of
 * consent and a BOLLATE one; their audit records as CSV and PDF, row for row what {@code GET /api/pathways/{id}/audit}
 * answers; the list of pathways as JSON, CSV and PDF, filtered, with only the caller's projects; who may export what;
 * the parameters refused by name; and no name or fiscal code in any file.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportApiTest {

  private static final String TRAIL_HEADINGS = "N.;Data e ora;Evento;Eseguito da;Elemento;Istanza;Dettagli;Hash";
  private static final String LIST_HEADINGS = "Percorso;Progetto;Fase;Stato;Esito;Creato il;Chiuso il;Operatore";
  private static final String GENERATED = "Generato il;\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final ApiFixtures api;
  private ApiFixtures.Started lorenteggio;
  private ApiFixtures.Started closed;
  private ApiFixtures.Started bollate;
  private String closedOutcome;

  @Autowired
  AuditExportApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  /** Once per class, but inside a test method's coverage run (the engine's coverage listener needs one). */
  @BeforeEach
  void givenPathwaysInTwoProjects() {
    if (lorenteggio != null) {
      return;
    }
    api.ensureTestUsers();
    lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(lorenteggio.pathwayId(), TASK_INTAKE_INTERVIEW), interview());
    closed = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(closed.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("consentGiven", false));
    assertThat(api.pathwayRecord(closed.pathwayId()).get("status")).isEqualTo("CLOSED");
    closedOutcome = (String) api.pathwayRecord(closed.pathwayId()).get("outcome");
    assertThat(closedOutcome).isNotBlank();
    bollate = api.startPathway(LAB_BOLLATE, BOLLATE);
  }

  // ------------------------------------------------------------------------------------------- one pathway's record

  @Test
  void shouldExportTheTrailAsCsvRowForRowWhatTheAuditReadAnswers() throws Exception {
    JsonNode trail = ok(api.as(AUDITOR).get("/api/pathways/" + lorenteggio.pathwayId() + "/audit?maxResults=1000"));
    assertThat(trail.size()).isGreaterThan(5);

    ApiClient.Download file = api.as(AUDITOR).download(trailExport(lorenteggio, "csv"));

    assertThat(file.status()).as("%s", file).isEqualTo(200);
    assertThat(file.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(file.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment").contains("filename=\"audit-" + lorenteggio.pathwayId() + ".csv\""));
    assertThat(file.body()).startsWith(0xEF, 0xBB, 0xBF);
    String text = file.text().substring(1);
    String[] lines = text.split("\r\n", -1);
    assertThat(lines[0]).isEqualTo("Registro di audit del percorso " + lorenteggio.pathwayId());
    assertThat(lines[1]).matches(GENERATED);
    assertThat(lines[2]).isEqualTo(TRAIL_HEADINGS);
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");

    List<CSVRecord> rows = csvRows(text);
    assertThat(rows).hasSize(trail.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode event = trail.get(i);
      CSVRecord row = rows.get(i);
      assertThat(row.size()).isEqualTo(8);
      assertThat(row.get(0)).isEqualTo(event.path("seq").asText());
      assertThat(row.get(1)).isEqualTo(DATE_TIME.format(OffsetDateTime.parse(event.path("at").asText())
          .atZoneSameInstant(ROME)));
      assertThat(row.get(2)).isEqualTo(event.path("type").asText());
      assertThat(row.get(3)).isEqualTo(event.path("actor").asText());
      assertThat(row.get(4)).isEqualTo(event.path("elementId").asText(""));
      assertThat(row.get(5)).isEqualTo(event.path("processInstanceId").asText(""));
      assertThat(JSON.readTree(row.get(6))).isEqualTo(event.path("details"));
      assertThat(row.get(7)).isEqualTo(event.path("hash").asText());
    }
  }

  @Test
  void shouldExportTheTrailAsAPdfWithTitleGeneratedAtAndEvents() throws Exception {
    ApiClient.Download file = api.as(AUDITOR).download(trailExport(lorenteggio, "pdf"));

    assertThat(file.status()).as("%s", file).isEqualTo(200);
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .contains("filename=\"audit-" + lorenteggio.pathwayId() + ".pdf\""));
    String text = pdfText(file);
    assertThat(text).contains("Registro di audit del percorso " + lorenteggio.pathwayId(), "Data e ora", "Eseguito da",
        "PROCESS_STARTED", "TASK_CREATED", "TASK_COMPLETED", LAB_LORENTEGGIO);
    assertThat(text).containsPattern("Generato il \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
  }

  @Test
  void shouldExportTheTrailOnlyToThoseWhoMayReadIt() {
    String csv = trailExport(lorenteggio, "csv");
    // staff of the project may read the record, and so its file
    assertThat(api.as(LAB_LORENTEGGIO).download(csv).status()).isEqualTo(200);
    assertThat(api.as(MANAGER).download(csv).status()).isEqualTo(200);
    // another project's pathway is no pathway at all
    for (String other : List.of(AUDITOR_BOLLATE, LAB_BOLLATE)) {
      ApiClient.Response refused = api.as(other).get(csv);
      ApiFixtures.assertProblem(refused, 404);
    }
    ApiFixtures.assertProblem(api.as(AUDITOR).get("/api/pathways/" + UUID.randomUUID() + "/audit/export?format=csv"),
        404);
    ApiFixtures.assertProblem(api.as(PRIVACY).get(csv), 403);
    assertThat(api.anonymous().get(csv).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseAnUnknownFormatOfTheTrailNamingIt() {
    for (String format : List.of("json", "xlsx", "CSV;x")) {
      ApiFixtures.assertInvalid(api.as(AUDITOR).get(trailExport(lorenteggio, format)), "format");
    }
  }

  // ---------------------------------------------------------------------------------------------- the list

  @Test
  void shouldListOnlyThePathwaysOfTheCallersProjects() throws Exception {
    JsonNode all = ok(api.as(AUDITOR).get("/api/audit/pathways?maxResults=200&project=" + LORENTEGGIO
        + "&from=" + createdDay(lorenteggio)));
    assertThat(ids(all)).contains(id(lorenteggio), id(closed)).doesNotContain(id(bollate));
    assertThat(all.findValuesAsText("projectCode")).containsOnly(LORENTEGGIO);
    assertThat(fieldNames(all.get(0))).containsExactlyInAnyOrder("id", "projectCode", "stage", "status", "outcome",
        "createdAt", "closedAt", "operatorOrganisation");

    String since = "/api/audit/pathways?from=" + createdDay(bollate) + "&maxResults=";
    JsonNode ofBollate = ok(api.as(AUDITOR_BOLLATE).get(since + 200));
    assertThat(ids(ofBollate)).contains(id(bollate)).doesNotContain(id(lorenteggio), id(closed));
    assertThat(ofBollate.findValuesAsText("projectCode")).containsOnly(BOLLATE);
    for (String format : List.of("csv", "pdf")) {
      ApiClient.Download file = api.as(AUDITOR_BOLLATE).download(since + "10000&format=" + format);
      assertThat(file.status()).as("%s", file).isEqualTo(200);
      String text = format.equals("csv") ? file.text() : pdfText(file);
      assertThat(text).as(format).contains(id(bollate)).doesNotContain(id(lorenteggio), id(closed), LORENTEGGIO);
    }
    ApiFixtures.assertInvalid(api.as(AUDITOR_BOLLATE).get("/api/audit/pathways?project=" + LORENTEGGIO), "project");

    assertThat(ids(ok(api.as(MANAGER).get("/api/audit/pathways?maxResults=200&status=CLOSED&outcome="
        + closedOutcome + "&from=" + createdDay(closed))))).contains(id(closed));
    assertThat(ids(ok(api.as(ADMIN).get("/api/audit/pathways?maxResults=200&project=" + BOLLATE + "&from="
        + createdDay(bollate))))).contains(id(bollate));
    for (String refused : List.of(LAB_LORENTEGGIO, OPERATOR_LORENTEGGIO, PRIVACY)) {
      ApiFixtures.assertProblem(api.as(refused).get("/api/audit/pathways"), 403);
      assertThat(api.as(refused).download("/api/audit/pathways?format=csv").status()).isEqualTo(403);
    }
    assertThat(api.anonymous().get("/api/audit/pathways").status()).isEqualTo(401);
  }

  @Test
  void shouldFilterTheListByStatusOutcomeAndDayOfCreation() throws Exception {
    String day = createdDay(closed);
    String base = "/api/audit/pathways?project=" + LORENTEGGIO + "&maxResults=200";
    JsonNode closedOnes = ok(api.as(AUDITOR).get(base + "&status=CLOSED&outcome=" + closedOutcome + "&from=" + day));
    assertThat(ids(closedOnes)).contains(id(closed)).doesNotContain(id(lorenteggio));
    assertThat(closedOnes.findValuesAsText("outcome")).containsOnly(closedOutcome);
    JsonNode item = closedOnes.get(ids(closedOnes).indexOf(id(closed)));
    assertThat(item.path("status").asText()).isEqualTo("CLOSED");
    assertThat(item.path("closedAt").asText()).matches(".*\\+0[12]:00$");
    assertThat(ids(ok(api.as(AUDITOR).get(base + "&status=ACTIVE&from=" + day)))).contains(id(lorenteggio))
        .doesNotContain(id(closed));

    LocalDate created = LocalDate.parse(day);
    assertThat(ids(ok(api.as(AUDITOR).get(base + "&from=" + day + "&to=" + day)))).contains(id(closed));
    assertThat(ids(ok(api.as(AUDITOR).get(base + "&from=" + created.plusDays(1))))).doesNotContain(id(closed));
    assertThat(ids(ok(api.as(AUDITOR).get(base + "&to=" + created.minusDays(1) + "&status=CLOSED"))))
        .doesNotContain(id(closed));

    String filtered = base.replace("maxResults=200", "") + "&status=CLOSED&outcome=" + closedOutcome + "&from=" + day;
    ApiClient.Download csv = api.as(AUDITOR).download(filtered + "&format=csv");
    assertThat(csv.status()).as("%s", csv).isEqualTo(200);
    assertThat(csv.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(csv.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .matches("attachment; filename=\"audit-percorsi-\\d{8}-\\d{4}\\.csv\""));
    assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
    String[] lines = csv.text().substring(1).split("\r\n");
    assertThat(lines[0]).isEqualTo("Elenco percorsi");
    assertThat(lines[1]).matches(GENERATED);
    assertThat(lines[2]).isEqualTo(LIST_HEADINGS);
    List<CSVRecord> rows = csvRows(csv.text().substring(1));
    assertThat(rows).extracting(r -> r.get(0)).contains(id(closed)).doesNotContain(id(lorenteggio));
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get(1)).isEqualTo(LORENTEGGIO);
      assertThat(r.get(3)).isEqualTo("CLOSED");
      assertThat(r.get(4)).isEqualTo(closedOutcome);
      assertThat(r.get(6)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
    });

    ApiClient.Download pdf = api.as(AUDITOR).download(filtered + "&format=pdf");
    assertThat(pdf.status()).as("%s", pdf).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdfText(pdf)).contains("Elenco percorsi", "Percorso", "Esito", id(closed), closedOutcome)
        .containsPattern("Generato il \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").doesNotContain(id(lorenteggio));
  }

  @Test
  void shouldRefuseBadListParametersNamingEachField() {
    ApiFixtures.assertInvalid(api.as(AUDITOR).get("/api/audit/pathways?format=xml&status=OPEN&outcome=bad%20one"
        + "&from=2026-13-01&to=yesterday&firstResult=-1&maxResults=0"),
        "format", "status", "outcome", "from", "to", "firstResult", "maxResults");
    ApiFixtures.assertInvalid(api.as(AUDITOR).get("/api/audit/pathways?from=2026-12-02&to=2026-12-01"), "to");
    ApiFixtures.assertInvalid(api.as(AUDITOR).get("/api/audit/pathways?maxResults=201"), "maxResults");
    ApiFixtures.assertInvalid(api.as(AUDITOR).get("/api/audit/pathways?maxResults=10001&format=csv"), "maxResults");
    assertThat(api.as(AUDITOR).download("/api/audit/pathways?maxResults=201&format=csv").status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------------- no personal data

  @Test
  void shouldPutNoPersonalDataInAnyExportAndRecordNothing() throws Exception {
    String eventsOfOurs = "select count(*) from audit_event where pathway_id in (?, ?)";
    String readsOfOurs = "select count(*) from participant_access_log where participant_id in (?, ?)";
    long events = api.count(eventsOfOurs, lorenteggio.pathwayId(), closed.pathwayId());
    long reads = api.count(readsOfOurs, lorenteggio.participantId(), closed.participantId());
    List<String> texts = new ArrayList<>();
    for (ApiFixtures.Started started : List.of(lorenteggio, closed)) {
      texts.add(api.as(AUDITOR).download(trailExport(started, "csv")).text());
      texts.add(pdfText(api.as(AUDITOR).download(trailExport(started, "pdf"))));
    }
    String list = "/api/audit/pathways?project=" + LORENTEGGIO + "&from=" + createdDay(lorenteggio);
    texts.add(api.as(AUDITOR).get(list + "&maxResults=200").body());
    texts.add(api.as(AUDITOR).download(list + "&format=csv").text());
    texts.add(pdfText(api.as(AUDITOR).download(list + "&format=pdf")));

    assertThat(texts.get(0)).contains(id(lorenteggio));
    assertThat(texts.get(texts.size() - 1)).contains(id(lorenteggio), id(closed));
    for (TestPeople.Person person : List.of(lorenteggio.person(), closed.person())) {
      for (String text : texts) {
        assertThat(text).doesNotContain(person.fiscalCode(), person.firstName(), person.lastName(),
            person.birthDate().toString(), lorenteggio.participantId().toString(),
            closed.participantId().toString());
      }
    }
    // a file of no personal data: neither a read of a file nor an event of the audit record
    assertThat(api.count(readsOfOurs, lorenteggio.participantId(), closed.participantId())).isEqualTo(reads);
    assertThat(api.count(eventsOfOurs, lorenteggio.pathwayId(), closed.pathwayId())).isEqualTo(events);
  }

  // ------------------------------------------------------------------------------------------------- helpers

  private static String trailExport(ApiFixtures.Started started, String format) {
    return "/api/pathways/" + started.pathwayId() + "/audit/export?format=" + format;
  }

  /** The day (Europe/Rome) the pathway was created, as the list shows it. */
  private String createdDay(ApiFixtures.Started started) {
    Object value = api.pathwayRecord(started.pathwayId()).get("created_at");
    java.time.Instant created = value instanceof OffsetDateTime t ? t.toInstant()
        : ((java.sql.Timestamp) value).toInstant();
    return LocalDate.ofInstant(created, ROME).toString();
  }

  private static String id(ApiFixtures.Started started) {
    return started.pathwayId().toString();
  }

  private static List<String> ids(JsonNode list) {
    return list.findValuesAsText("id");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The rows of a CSV after its title, its generated-at line and its headings. */
  private static List<CSVRecord> csvRows(String text) throws Exception {
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))
        .getRecords();
    return records.subList(3, records.size());
  }

  private static String pdfText(ApiClient.Download file) throws Exception {
    assertThat(file.status()).as("%s", file).isEqualTo(200);
    assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(file.body())) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static JsonNode ok(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }
}
