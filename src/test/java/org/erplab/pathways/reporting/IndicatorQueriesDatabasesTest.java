package org.erplab.pathways.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries;
import org.erplab.pathways.reporting.infrastructure.MoneyQueries;
import org.erplab.pathways.reporting.infrastructure.StageQueries;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Counts;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Figures;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Period;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The indicators' single statement (every figure from one reading of the people of the period) gives the same figures
 * on PostgreSQL and on H2, the application's other database, each migrated by Flyway as the application does, and
 * those figures are the definitions' (no Spring context: the statement alone, on a few pathways written here).
 *
 * <p>In 2025: person A (two pathways: one closed PLACED on 15 January, one open from March; both with a signed plan; a
 * lab visit; a woman of 30, Italian, migrant and disabled), person B (a pathway closed WITHDRAWN on 1 February, a
 * plan; a man of 60, non-EU, from Sub-Saharan Africa, no disadvantage), an anonymous visitor (a woman, 18-35,
 * Italian); person C's pathway closed in 2024 does not count. Three lab signals, one raised before the period. In
 * project {@value #OTHER_PROJECT}, in the province of Bergamo, an anonymous visitor from Eastern Europe: counted only
 * when the two projects are asked for together.
 *
 * <p>And the migration that added the area of origin (V30) fills it for the rows before it, on both databases.
 */
class IndicatorQueriesDatabasesTest {

  private static final String PROJECT = "IQDB";
  private static final String OTHER_PROJECT = "IQDB2";

  @Test
  void shouldCountTheSameOnPostgresqlAndH2AsTheDefinitionsSay() throws Exception {
    DataSource postgres = postgresDatabase();
    DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:indicators" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    Counted postgresCounted = counted(postgres, "postgresql");
    Counted h2Counted = counted(h2, "h2");
    Figures onPostgres = postgresCounted.figures();
    Figures onH2 = h2Counted.figures();
    for (Counted counted : new Counted[] {postgresCounted, h2Counted}) {
      // stays that ended in 2025, by the days (Europe/Rome) they began and ended: C's are all before
      assertThat(counted.spans()).containsExactlyInAnyOrder(
          new StageQueries.Span(PROJECT, "INTAKE", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5), 1),
          new StageQueries.Span(PROJECT, "ELIGIBILITY", LocalDate.of(2025, 3, 5), LocalDate.of(2025, 4, 1), 1),
          new StageQueries.Span(PROJECT, "INTAKE", LocalDate.of(2024, 6, 1), LocalDate.of(2025, 2, 1), 1),
          new StageQueries.Span(PROJECT, "INTAKE", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 15), 1));
      assertThat(counted.missed()).containsExactlyInAnyOrderEntriesOf(Map.of("INTAKE", 1L));
      // the latest signed plans of the three pathways open in 2025: 3,000.00 of services, 2,000.00 of cap each
      assertThat(counted.committed().services().amount()).isEqualByComparingTo("9000");
      assertThat(counted.committed().indemnity().amount()).isEqualByComparingTo("6000");
      assertThat(counted.committed().services().pathways()).isEqualTo(3);
    }

    for (Figures figures : new Figures[] {onPostgres, onH2}) {
      assertThat(figures.people()).isEqualTo(new Counts(3, 2, 2, 1));
      assertThat(figures.by("gender")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "F", new Counts(2, 2, 1, 1), "M", new Counts(1, 0, 1, 0)));
      assertThat(figures.by("age_band")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "18_35", new Counts(2, 2, 1, 1), "55_64", new Counts(1, 0, 1, 0)));
      assertThat(figures.by("citizenship_area")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "IT", new Counts(2, 2, 1, 1), "NON_EU", new Counts(1, 0, 1, 0)));
      assertThat(figures.by("origin_area")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "IT", new Counts(2, 2, 1, 1), "SUB_SAHARAN_AFRICA", new Counts(1, 0, 1, 0)));
      assertThat(figures.by("province")).containsExactlyInAnyOrderEntriesOf(Map.of("MI", new Counts(3, 2, 2, 1)));
      assertThat(figures.by("education")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "UPPER_SECONDARY", new Counts(1, 1, 1, 1), "PRIMARY", new Counts(1, 0, 1, 0),
          "UNKNOWN", new Counts(1, 1, 0, 0)));
      assertThat(figures.by("employment_status")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "UNEMPLOYED", new Counts(1, 1, 1, 1), "RETIRED", new Counts(1, 0, 1, 0),
          "UNKNOWN", new Counts(1, 1, 0, 0)));
      assertThat(figures.by("disadvantage_status")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "VULNERABLE", new Counts(1, 1, 1, 1), "NONE", new Counts(1, 0, 1, 0), "UNKNOWN", new Counts(1, 1, 0, 0)));
      assertThat(figures.byDisadvantage()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "MIGRANT", new Counts(1, 1, 1, 1), "DISABILITY", new Counts(1, 1, 1, 1), "NONE", new Counts(1, 0, 1, 0),
          "NOT_RECORDED", new Counts(1, 1, 0, 0)));
      assertThat(figures.meanAge(true)).isEqualTo(new IndicatorQueries.Mean(45.0, 2));
      assertThat(figures.meanAge(false)).isEqualTo(new IndicatorQueries.Mean(30.0, 1));
      // plans are pathways: A's two count apart
      assertThat(figures.plansByState()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "ONGOING", 1L, "CONCLUDED", 1L, "WITHDRAWN", 1L));
      // visits of the period, and the signals raised in it: one passed on and resolved, one open
      assertThat(figures.labActivity()).isEqualTo(new IndicatorQueries.LabActivity(2, 2, 1, 1));
    }
    for (Figures both : new Figures[] {postgresCounted.bothProjects(), h2Counted.bothProjects()}) {
      assertThat(both.people()).isEqualTo(new Counts(4, 3, 2, 1));
      assertThat(both.by("province")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "MI", new Counts(3, 2, 2, 1), "BG", new Counts(1, 1, 0, 0)));
      assertThat(both.by("origin_area")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "IT", new Counts(2, 2, 1, 1), "SUB_SAHARAN_AFRICA", new Counts(1, 0, 1, 0),
          "EASTERN_EUROPE", new Counts(1, 1, 0, 0)));
    }
    assertThat(onH2).isEqualTo(onPostgres);
    assertThat(h2Counted.bothProjects()).isEqualTo(postgresCounted.bothProjects());
  }

  @Test
  void shouldFillTheAreaOfOriginOfEarlierRowsFromTheRegistryOnPostgresqlAndH2() throws Exception {
    DataSource postgres = postgresDatabase();
    DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:origin" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    for (Object[] database : new Object[][] {{postgres, "postgresql"}, {h2, "h2"}}) {
      DataSource source = (DataSource) database[0];
      Flyway before = Flyway.configure().dataSource(source).target("29")
          .locations("classpath:db/migration", "classpath:db/vendor/" + database[1]).load();
      before.migrate();
      JdbcClient jdbc = JdbcClient.create(source);
      jdbc.sql("insert into project (code, name, municipality, province) values (?, 'Prova', 'Milano', 'MI')")
          .param(PROJECT).update();
      // a Moroccan, a Senegalese erased since (citizenship blanked), an Italian, a Swiss (OTHER in the table), a
      // Fijian (not in the table: OTHER), an unknown citizenship
      Map<String, UUID> profiles = new java.util.LinkedHashMap<>();
      for (String[] p : new String[][] {{"MA", "NON_EU"}, {null, "NON_EU"}, {"IT", "IT"}, {"CH", "NON_EU"},
          {"FJ", "NON_EU"}, {null, "UNKNOWN"}}) {
        UUID person = person(jdbc, "O" + profiles.size());
        jdbc.sql("update participant set citizenship = ? where id = ?").params(p[0], person).update();
        UUID pathway = pathway(jdbc, person, "2025-03-01", null, null);
        jdbc.sql("""
                insert into pathway_profile (pathway_id, project_code, gender, age_band, citizenship_area)
                values (?, ?, 'F', '30_54', ?)""").params(pathway, PROJECT, p[1]).update();
        profiles.put(p[0] + "/" + p[1], pathway);
        jdbc.sql("""
                insert into lab_visit (id, project_code, visited_on, participant_id, gender, age_band,
                                       citizenship_area, activity_type, duration_minutes, recorded_by, recorded_at)
                values (?, ?, date '2025-03-01', ?, 'F', '36_54', ?, 'DESK', 30, 'lab', ?)""")
            .params(pathway, PROJECT, person, p[1], at("2025-03-01")).update();
      }
      UUID anonymous = UUID.randomUUID();
      jdbc.sql("""
              insert into lab_visit (id, project_code, visited_on, gender, age_band, citizenship_area, activity_type,
                                     duration_minutes, recorded_by, recorded_at)
              values (?, ?, date '2025-03-01', 'F', '36_54', 'NON_EU', 'DESK', 30, 'lab', ?)""")
          .params(anonymous, PROJECT, at("2025-03-01")).update();

      Flyway.configure().dataSource(source)
          .locations("classpath:db/migration", "classpath:db/vendor/" + database[1]).load().migrate();
      Map<String, String> expected = Map.of("MA/NON_EU", "MAGHREB_NEAR_EAST", "null/NON_EU", "UNKNOWN", "IT/IT", "IT",
          "CH/NON_EU", "OTHER", "FJ/NON_EU", "OTHER", "null/UNKNOWN", "UNKNOWN");
      for (Map.Entry<String, UUID> profile : profiles.entrySet()) {
        assertThat(jdbc.sql("select origin_area from pathway_profile where pathway_id = ?").param(profile.getValue())
            .query(String.class).single()).as("%s %s", database[1], profile.getKey())
            .isEqualTo(expected.get(profile.getKey()));
        // each visit has its pathway's id here
        assertThat(jdbc.sql("select origin_area from lab_visit where id = ?").param(profile.getValue())
            .query(String.class).single()).as("%s visit %s", database[1], profile.getKey())
            .isEqualTo(expected.get(profile.getKey()));
      }
      assertThat(jdbc.sql("select origin_area from lab_visit where id = ?").param(anonymous).query(String.class)
          .single()).isEqualTo("UNKNOWN");
      assertThat(jdbc.sql("select count(*) from origin_area_country where country_code = 'IT'").query(Long.class)
          .single()).isZero();
    }
  }

  private record Counted(Figures figures, java.util.List<StageQueries.Span> spans, Map<String, Long> missed,
      MoneyQueries.Committed committed, Figures bothProjects) {}

  private static Counted counted(DataSource database, String vendor) throws Exception {
    Flyway.configure().dataSource(database)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
    JdbcClient jdbc = JdbcClient.create(database);
    seed(jdbc);
    LocalDate from = LocalDate.of(2025, 1, 1);
    LocalDate to = LocalDate.of(2025, 12, 31);
    Period period = new Period(Set.of(PROJECT), from, to, from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
    StageQueries stages = new StageQueries(jdbc);
    Period both = new Period(Set.of(PROJECT, OTHER_PROJECT), from, to, period.since(), period.until());
    return new Counted(new IndicatorQueries(jdbc).figures(period), stages.spans(period), stages.missedByStage(period),
        new MoneyQueries(jdbc).committed(period), new IndicatorQueries(jdbc).figures(both));
  }

  /** A database of its own on the shared embedded server (the Spring tests use database postgres). */
  private static DataSource postgresDatabase() throws Exception {
    String name = "indicators_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return EmbeddedPostgresInitializer.postgres().getDatabase("postgres", name);
  }

  private static void seed(JdbcClient jdbc) {
    jdbc.sql("insert into project (code, name, municipality, province) values (?, 'Prova', 'Milano', 'MI')")
        .param(PROJECT).update();
    jdbc.sql("insert into project (code, name, municipality, province) values (?, 'Altro', 'Bergamo', 'BG')")
        .param(OTHER_PROJECT).update();
    UUID a = person(jdbc, "A");
    UUID b = person(jdbc, "B");
    UUID c = person(jdbc, "C");
    UUID aEarlier = pathway(jdbc, a, "2024-01-01", "2025-01-15", "PLACED");
    UUID aLatest = pathway(jdbc, a, "2025-03-01", null, null);
    UUID bOnly = pathway(jdbc, b, "2024-06-01", "2025-02-01", "WITHDRAWN");
    UUID cOnly = pathway(jdbc, c, "2023-01-01", "2024-01-01", "PLACED");
    profile(jdbc, aEarlier, "F", 29, "IT", "LOWER_SECONDARY", "EMPLOYED");
    profile(jdbc, aLatest, "F", 30, "IT", "UPPER_SECONDARY", "UNEMPLOYED");
    profile(jdbc, bOnly, "M", 60, "NON_EU/SUB_SAHARAN_AFRICA", "PRIMARY", "RETIRED");
    profile(jdbc, cOnly, "M", 40, "NON_EU/ASIA", "PRIMARY", "EMPLOYED");
    for (String[] d : new String[][] {{aLatest.toString(), "MIGRANT"}, {aLatest.toString(), "DISABILITY"},
        {bOnly.toString(), "NONE"}, {aEarlier.toString(), "ADDICTION"}, {cOnly.toString(), "OTHER"}}) {
      jdbc.sql("insert into pathway_disadvantage (pathway_id, code) values (?, ?)")
          .params(UUID.fromString(d[0]), d[1]).update();
    }
    stage(jdbc, aLatest, "INTAKE", "2025-03-01");
    stage(jdbc, aLatest, "ELIGIBILITY", "2025-03-05");
    stage(jdbc, aLatest, "TRAINING", "2025-04-01");
    stage(jdbc, bOnly, "INTAKE", "2024-06-01");
    stage(jdbc, aEarlier, "INTAKE", "2024-01-01");
    stage(jdbc, cOnly, "INTAKE", "2023-01-01");
    jdbc.sql("""
            insert into deadline (id, pathway_id, project_code, kind, process_instance_id, execution_id, activity_id,
                                  basis, length_value, parameter, starts_on, due_at, original_due_at, state, created_at)
            values (?, ?, ?, 'INTAKE_INTERVIEW', 'p', 'e', 'Task_IntakeInterview', 'WORKING_DAYS', 5,
                    'intakeInterviewWorkingDays', date '2025-03-02', ?, ?, 'MISSED', ?)""")
        .params(UUID.randomUUID(), aLatest, PROJECT, at("2025-03-10"), at("2025-03-10"), at("2025-03-02")).update();
    plan(jdbc, aEarlier, "2024-02-01");
    plan(jdbc, aLatest, "2025-04-01");
    plan(jdbc, bOnly, "2024-07-01");
    plan(jdbc, cOnly, "2023-02-01");
    UUID aVisit = visit(jdbc, PROJECT, a, "2025-05-01", "F", 30, "18_35", "IT");
    UUID anonymous = visit(jdbc, PROJECT, null, "2025-06-01", "F", null, "18_35", "IT");
    // before the period
    UUID before = visit(jdbc, PROJECT, null, "2024-06-01", "M", null, "55_64", "EU/EASTERN_EUROPE");
    visit(jdbc, OTHER_PROJECT, null, "2025-07-01", "M", null, "36_54", "EU/EASTERN_EUROPE");
    signal(jdbc, aVisit, "2025-05-01", "SOCIAL_SERVICES", "RESOLVED");
    signal(jdbc, anonymous, "2025-06-01", null, "OPEN");
    signal(jdbc, before, "2024-06-01", "ALER", "RESOLVED");
  }

  private static java.time.OffsetDateTime at(String day) {
    return LocalDate.parse(day).atTime(10, 0).atZone(EngineClock.ZONE).toOffsetDateTime();
  }

  private static void stage(JdbcClient jdbc, UUID pathway, String stage, String day) {
    jdbc.sql("insert into pathway_stage (pathway_id, stage, entered_at) values (?, ?, ?)")
        .params(pathway, stage, at(day)).update();
  }

  private static UUID person(JdbcClient jdbc, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into participant (id, project_code, fiscal_code, first_name, last_name, birth_date, gender,
                                     created_at)
            values (?, ?, ?, 'Nome', ?, date '1980-01-01', 'F',
                    timestamp with time zone '2023-01-01 10:00:00+01:00')""")
        .params(id, PROJECT, "FISCAL" + name, name).update();
    return id;
  }

  private static UUID pathway(JdbcClient jdbc, UUID person, String created, String closed, String outcome) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into pathway (id, participant_id, project_code, channel, stage, status, outcome, created_at,
                                 closed_at)
            values (?, ?, ?, 'LAB', ?, ?, ?, ?, ?)""")
        .params(id, person, PROJECT, closed == null ? "TRAINING" : "CLOSED", closed == null ? "ACTIVE" : "CLOSED",
            outcome, LocalDate.parse(created).atTime(10, 0).atZone(EngineClock.ZONE).toOffsetDateTime(),
            closed == null ? null : LocalDate.parse(closed).atTime(10, 0).atZone(EngineClock.ZONE).toOffsetDateTime())
        .update();
    return id;
  }

  /** {@code area}: the citizenship area, and after a slash the area of origin of a foreigner. */
  private static void profile(JdbcClient jdbc, UUID pathway, String gender, int age, String area, String education,
      String employment) {
    jdbc.sql("""
            insert into pathway_profile (pathway_id, project_code, gender, age_band, citizenship_area, origin_area,
                                         age_years, education, employment_status)
            values (?, ?, ?, '30_54', ?, ?, ?, ?, ?)""")
        .params(pathway, PROJECT, gender, citizenship(area), origin(area), age, education, employment).update();
  }

  private static String citizenship(String area) {
    return area.split("/")[0];
  }

  private static String origin(String area) {
    String[] parts = area.split("/");
    return parts.length > 1 ? parts[1] : parts[0];
  }

  private static void plan(JdbcClient jdbc, UUID pathway, String signedOn) {
    jdbc.sql("""
            insert into plan_version (id, pathway_id, project_code, version, status, internship_planned, indemnity_cap,
                                      services_total, created_by, created_at, signed_on)
            values (?, ?, ?, 1, 'SIGNED', false, 2000, 3000, 'operator', ?, ?)""")
        .params(UUID.randomUUID(), pathway, PROJECT,
            LocalDate.parse(signedOn).atStartOfDay(EngineClock.ZONE).toOffsetDateTime(), LocalDate.parse(signedOn))
        .update();
  }

  private static UUID visit(JdbcClient jdbc, String project, UUID person, String day, String gender, Integer age,
      String band, String area) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into lab_visit (id, project_code, visited_on, participant_id, gender, age, age_band,
                                   citizenship_area, origin_area, activity_type, duration_minutes, recorded_by,
                                   recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DESK', 30, 'lab', ?)""")
        .params(id, project, LocalDate.parse(day), person, gender, age, band, citizenship(area), origin(area),
            LocalDate.parse(day).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
        .update();
    return id;
  }

  private static void signal(JdbcClient jdbc, UUID visit, String day, String passedTo, String outcome) {
    jdbc.sql("""
            insert into lab_signal (id, visit_id, project_code, raised_on, category, passed_to, outcome, recorded_by,
                                    recorded_at)
            values (?, ?, ?, ?, 'HOUSING', ?, ?, 'lab', ?)""")
        .params(UUID.randomUUID(), visit, PROJECT, LocalDate.parse(day), passedTo, outcome,
            LocalDate.parse(day).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
        .update();
  }
}
