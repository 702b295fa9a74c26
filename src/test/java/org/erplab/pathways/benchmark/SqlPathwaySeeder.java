package org.erplab.pathways.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pathways seeded in SQL, many at a time with {@code generate_series} (a million real starts through the engine would
 * take days on this machine; {@link PathwaySeeder} does a few thousand through the real code paths). Pathway number
 * {@code g} (1, 2, ...) always gets the same ids ({@code md5('pathway' || g)}, {@code md5('participant' || g)}),
 * project ({@code projects[g % projects.size()]}) and facts, drawn from hashes of {@code g}, so that two calls seed
 * disjoint sets and a run is repeatable.
 *
 * <p>{@link #pathways} writes the people (registry) and their pathways only, as the audit benchmark needs;
 * {@link #facts} adds what the committee's indicators count, in the proportions of seed 004 (the ESF 2014-2020
 * evaluation, table 3.1: 830 participants, 524 in lab activities, 485 plans; Lorenteggio's lab: 267 people, 872 visits):
 * <ul>
 *   <li>created uniformly over {@code days} days from {@code firstDay}; one pathway per person;
 *   <li>{@code pathway_profile}: gender F/M 55/45, age 18 to 70 at the start, citizenship IT/EU/NON_EU 60/5/35;
 *       of the foreigners, by area of origin (seed 004, figure 3.4): Maghreb-Near East 59 %, Eastern Europe 14.5 %
 *       (the EU citizens, Romanian, and a few Ukrainians), Sub-Saharan Africa 14.5 %, Asia 7 %, Latin America 5 %;
 *       90 % interviewed, with education and employment status (unemployed 43 %, first job 7 %, inactive 10 %,
 *       student 1 %, employed 20 %, retired 19 %) as coded by {@code forms/intake/intake-interview.form};
 *   <li>{@code pathway_disadvantage}: nothing recorded for about 38 % (the not interviewed, and 31 % of the others),
 *       {@code NONE} for about 11 %, else one code of the form's, a quarter of them a second one;
 *   <li>a signed {@code plan_version} for about 60 % (two thirds of the interviewed, signed 30 days after the start);
 *   <li>closed when the pathway's length (120 to 720 days with a plan: concluded {@code PLACED} 40 % or
 *       {@code COMPLETED_NOT_PLACED}, 0.8 % {@code WITHDRAWN}; 15 days {@code INELIGIBLE} for 30 % of the others, else
 *       {@code WITHDRAWN} after 30 to 430 days) has passed by now; else open, in {@code TRAINING} (4
 *       {@code attendance_entry} lines) or {@code INTERNSHIP} with a plan, at the intake or the skills assessment
 *       without;
 *   <li>{@code lab_visit}: 45 % of the people came to the lab, 2 to 5 visits each (3.3 on average, every 3 weeks from a
 *       week before the start, the first one starting the pathway), and each of them brought 1 or 2 anonymous
 *       visitors' visits (a third of all visits anonymous; their citizenship and area of origin drawn as the
 *       people's); a {@code lab_signal} raised at 60 % of the visits
 *       (Lorenteggio: 521 signals from 872 visits), two thirds passed on.
 * </ul>
 * The facts of pathways {@code low..high} are kept in the unlogged table {@code bench_seed_pathway} between
 * {@link #pathways} and {@link #facts}.
 */
final class SqlPathwaySeeder {

  static final List<String> DISADVANTAGES = List.of("MIGRANT", "DISABILITY", "FORMER_DETAINEE", "ADDICTION",
      "GENDER_VIOLENCE", "OTHER");

  private final JdbcClient jdbc;
  private final List<String> projects;
  private final LocalDate firstDay;
  private final int days;

  SqlPathwaySeeder(JdbcClient jdbc, List<String> projects, LocalDate firstDay, int days) {
    this.jdbc = jdbc;
    this.projects = List.copyOf(projects);
    this.firstDay = firstDay;
    this.days = days;
  }

  /** The project of pathway {@code g}, as a SQL expression of the column or variable {@code g}. */
  String projectOf(String g) {
    return IntStream.range(0, projects.size()).mapToObj(i -> "when " + i + " then '" + projects.get(i) + "'")
        .collect(Collectors.joining(" ", "case " + g + " % " + projects.size() + " ", " end"));
  }

  /**
   * The area of origin (seed 004, figure 3.4) of someone whose citizenship area was drawn as {@code citizenship} (0 to
   * 99: IT below 60, EU below 65, else NON_EU), with {@code area} (0 to 999) for a citizen of a third country. Of the
   * foreigners (40 in 100): the EU citizens (5) are of Eastern Europe, and of the third countries' (35) 67.4 % of the
   * Maghreb-Near East, 2.3 % of Eastern Europe, 16.6 % Sub-Saharan Africa, 8 % Asia, 5.7 % Latin America: 59 /
   * 14.5 / 14.5 / 7 / 5 of all foreigners.
   */
  private static String originArea(String citizenship, String area) {
    return """
        case when %1$s < 60 then 'IT' when %1$s < 65 then 'EASTERN_EUROPE'
             when %2$s < 674 then 'MAGHREB_NEAR_EAST' when %2$s < 697 then 'EASTERN_EUROPE'
             when %2$s < 863 then 'SUB_SAHARAN_AFRICA' when %2$s < 943 then 'ASIA' else 'LATIN_AMERICA' end"""
        .formatted(citizenship, area);
  }

  /** A number from 0 to {@code mod - 1} drawn from a hash of {@code salt} and {@code g}. */
  private static String draw(String salt, int mod) {
    return "((hashtext('" + salt + "' || g) & 2147483647) % " + mod + ")";
  }

  /** The projects that do not exist yet, in Milano. */
  void createProjects() {
    for (String code : projects) {
      jdbc.sql("""
              insert into project (code, name, municipality, province, patron_day, start_date, end_date)
              select ?, ?, 'Milano', 'MI', '12-07', ?, ? where not exists (select 1 from project where code = ?)""")
          .params(code, "Progetto " + code, firstDay, firstDay.plusDays(days).plusYears(3), code).update();
    }
  }

  /** The people and pathways {@code low..high} (both included), and their facts in {@code bench_seed_pathway}. */
  void pathways(int low, int high) {
    jdbc.sql("""
            create unlogged table if not exists bench_seed_pathway (
              g integer primary key, id uuid, participant_id uuid, project_code varchar(40),
              created_at timestamp with time zone, age_years integer, gender varchar(1), citizenship_area varchar(10),
              origin_area varchar(20), interviewed boolean, education varchar(30), employment_status varchar(30), disadvantage integer,
              planned boolean, closed_at timestamp with time zone, outcome varchar(40), stage varchar(40),
              lab_visits integer, anonymous_visits integer)""").update();
    jdbc.sql("truncate bench_seed_pathway").update();
    jdbc.sql("""
            insert into bench_seed_pathway
            select g, id, participant_id, project_code, created_at, age_years, gender, citizenship_area, origin_area,
                   interviewed, education, employment_status, disadvantage, planned,
                   case when created_at + length * interval '1 day' <= now() then created_at + length * interval '1 day'
                   end,
                   case when created_at + length * interval '1 day' > now() then null
                        when planned then case when outcome_draw < 8 then 'WITHDRAWN'
                                               when outcome_draw < 400 then 'PLACED' else 'COMPLETED_NOT_PLACED' end
                        when length = 15 then 'INELIGIBLE' else 'WITHDRAWN' end,
                   case when created_at + length * interval '1 day' <= now() then 'CLOSED'
                        when planned then case when outcome_draw %% 3 = 0 then 'INTERNSHIP' else 'TRAINING' end
                        when interviewed then 'SKILLS_ASSESSMENT' else 'INTAKE' end,
                   lab_visits, anonymous_visits
            from (
              select g, id, participant_id, project_code, created_at, age_years, gender, citizenship_area,
                     origin_area, interviewed, education, employment_status, disadvantage, planned, outcome_draw,
                     lab_visits,
                     anonymous_visits,
                     case when planned then 120 + length_draw %% 600
                          when length_draw %% 100 < 30 then 15 else 30 + length_draw %% 400 end as length
              from (
                select g, id, participant_id, project_code, created_at, age_years, gender, citizenship_area,
                       origin_area, interviewed, case when interviewed then education end as education,
                       case when interviewed then employment_status end as employment_status,
                       case when not interviewed or disadvantage_draw < 31 then 0 when disadvantage_draw < 43 then 1
                            else 2 end as disadvantage,
                       interviewed and plan_draw < 66 and created_at < now() - interval '30 days' as planned,
                       outcome_draw, length_draw,
                       case when lab then 2 + visits_draw %% 3 + case when visits_draw %% 10 < 3 then 1 else 0 end
                            else 0 end as lab_visits,
                       case when lab then 1 + visits_draw %% 2 else 0 end as anonymous_visits
                from (
                  select g, md5('pathway' || g)::uuid as id, md5('participant' || g)::uuid as participant_id,
                         %1$s as project_code,
                         cast(? as timestamp with time zone) + %2$s * interval '1 second' as created_at,
                         18 + %3$s as age_years,
                         case when %4$s < 55 then 'F' else 'M' end as gender,
                         case when %5$s < 60 then 'IT' when %5$s < 65 then 'EU' else 'NON_EU' end as citizenship_area,
                         %15$s as origin_area,
                         %6$s < 90 as interviewed,
                         case when %7$s < 3 then 'NONE' when %7$s < 15 then 'PRIMARY'
                              when %7$s < 55 then 'LOWER_SECONDARY' when %7$s < 88 then 'UPPER_SECONDARY'
                              when %7$s < 93 then 'POST_SECONDARY' else 'TERTIARY' end as education,
                         case when %8$s < 43 then 'UNEMPLOYED' when %8$s < 50 then 'FIRST_JOB_SEEKER'
                              when %8$s < 60 then 'INACTIVE' when %8$s < 61 then 'STUDENT'
                              when %8$s < 81 then 'EMPLOYED' else 'RETIRED' end as employment_status,
                         %9$s as disadvantage_draw, %10$s as plan_draw, %11$s as outcome_draw,
                         %12$s as length_draw, %13$s < 45 as lab, %14$s as visits_draw
                  from generate_series(?, ?) g
                ) drawn
              ) planned
            ) lengths""".formatted(projectOf("g"), draw("t", days * 86400), draw("a", 53), draw("s", 100),
            draw("c", 100), draw("i", 100), draw("e", 100), draw("w", 100), draw("d", 100), draw("p", 100),
            draw("o", 1000), draw("l", 100000), draw("v", 100), draw("n", 1000),
            originArea(draw("c", 100), draw("r", 1000))))
        .params(firstDay.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime(), low, high).update();
    jdbc.sql("""
            insert into participant (id, project_code, fiscal_code, first_name, last_name, birth_date, gender,
                                     citizenship, created_at)
            select participant_id, project_code, upper(substr(md5('fiscal' || g), 1, 16)), 'Nome', 'Cognome',
                   cast(created_at - age_years * interval '1 year' - interval '40 days' as date), gender,
                   case when citizenship_area = 'EU' then 'RO'
                        else (array['IT', 'MA', 'UA', 'SN', 'CN', 'PE'])
                               [array_position(array['IT', 'MAGHREB_NEAR_EAST', 'EASTERN_EUROPE', 'SUB_SAHARAN_AFRICA',
                                                     'ASIA', 'LATIN_AMERICA'], origin_area)] end, created_at
            from bench_seed_pathway""").update();
    jdbc.sql("""
            insert into pathway (id, participant_id, project_code, channel, stage, status, outcome, consent_at,
                                 created_at, closed_at, open_participant_id)
            select id, participant_id, project_code, case when lab_visits > 0 then 'LAB' else 'CPI_DESK' end, stage,
                   case when closed_at is null then 'ACTIVE' else 'CLOSED' end, outcome, created_at, created_at,
                   closed_at, case when closed_at is null then participant_id end
            from bench_seed_pathway""").update();
  }

  /** What the indicators count for the pathways of the last {@link #pathways} call. */
  void facts() {
    jdbc.sql("""
            insert into pathway_profile (pathway_id, project_code, gender, age_band, citizenship_area, origin_area,
                                         age_years, education, employment_status, interviewed_at)
            select id, project_code, gender,
                   case when age_years < 25 then 'UNDER_25' when age_years < 30 then '25_29'
                        when age_years < 55 then '30_54' else '55_PLUS' end,
                   citizenship_area, origin_area, age_years, education, employment_status,
                   case when interviewed then created_at + interval '3 days' end
            from bench_seed_pathway""").update();
    jdbc.sql("""
            insert into pathway_disadvantage (pathway_id, code)
            select id, 'NONE' from bench_seed_pathway where disadvantage = 1
            union all
            select id, (array['%1$s'])[1 + %2$s] from bench_seed_pathway where disadvantage = 2
            union all
            select id, (array['%1$s'])[1 + (%2$s + 1) %% 6] from bench_seed_pathway
            where disadvantage = 2 and %3$s = 0""".formatted(String.join("', '", DISADVANTAGES), draw("k", 6),
            draw("q", 4))).update();
    jdbc.sql("""
            insert into plan_version (id, pathway_id, project_code, version, status, internship_planned, indemnity_cap,
                                      services_total, created_by, created_at, submitted_at, decided_by, decided_at,
                                      approved_on, signed_on)
            select md5('plan' || g)::uuid, id, project_code, 1, 'SIGNED', stage = 'INTERNSHIP', 2000, 3000,
                   'operator', created_at + interval '20 days', created_at + interval '21 days', 'cpi',
                   created_at + interval '25 days', cast(created_at + interval '25 days' as date),
                   cast(created_at + interval '30 days' as date)
            from bench_seed_pathway where planned""").update();
    jdbc.sql("""
            insert into attendance_entry (id, pathway_id, project_code, course_code, attended_on, hours, recorded_by,
                                          recorded_at)
            select md5('attendance' || g || '.' || k)::uuid, id, project_code, 'ORIENTATION',
                   cast(created_at + (30 + k) * interval '1 day' as date), 3.0, 'operator',
                   created_at + (30 + k) * interval '1 day'
            from bench_seed_pathway cross join generate_series(1, 4) k
            where stage = 'TRAINING'""").update();
    String band = """
        case when %1$s <= 35 then '18_35' when %1$s <= 54 then '36_54' when %1$s <= 64 then '55_64'
             else '65_PLUS' end""";
    jdbc.sql("""
            with visits as (
            insert into lab_visit (id, project_code, visited_on, participant_id, gender, age, age_band,
                                   citizenship_area, origin_area, activity_type, duration_minutes, pathway_id,
                                   recorded_by, recorded_at)
            select md5('visit' || g || '.' || k)::uuid, project_code,
                   cast(created_at + (21 * (k - 1) - 7) * interval '1 day' as date), participant_id, gender,
                   age_years, %1$s, citizenship_area, origin_area,
                   (array['DESK', 'COURTYARD_MEETING', 'WORKSHOP'])[1 + k %% 3], 30 + (k * 15) %% 90,
                   case when k = 1 then id end, 'lab', created_at + (21 * (k - 1) - 7) * interval '1 day'
            from bench_seed_pathway cross join generate_series(1, 5) k
            where k <= lab_visits
            union all
            select md5('anonymous' || g || '.' || k)::uuid, project_code,
                   cast(created_at + 10 * k * interval '1 day' as date), null,
                   case when %2$s < 55 then 'F' else 'M' end, null, %3$s,
                   case when %4$s < 60 then 'IT' when %4$s < 65 then 'EU' else 'NON_EU' end, %5$s,
                   'DESK', 30, null, 'lab', created_at + 10 * k * interval '1 day'
            from bench_seed_pathway cross join generate_series(1, 2) k
            where k <= anonymous_visits
            returning id, project_code, visited_on, recorded_at
            )
            insert into lab_signal (id, visit_id, project_code, raised_on, category, passed_to, outcome, recorded_by,
                                    recorded_at)
            select md5('signal' || id)::uuid, id, project_code, visited_on,
                   (array['HOUSING', 'MAINTENANCE', 'ARREARS', 'SOCIAL_NEED', 'HEALTH', 'WORK', 'DOCUMENTS',
                          'CONFLICT', 'OTHER'])
                     [1 + (hashtext('category' || id) & 2147483647) %% 9],
                   case when (hashtext('passed' || id) & 2147483647) %% 3 = 0 then null
                        else (array['SOCIAL_SERVICES', 'ALER', 'CPI', 'OTHER'])
                               [1 + (hashtext('to' || id) & 2147483647) %% 4]
                   end,
                   (array['OPEN', 'IN_PROGRESS', 'RESOLVED', 'NOT_RESOLVED'])
                     [1 + (hashtext('outcome' || id) & 2147483647) %% 4],
                   'lab', recorded_at
            from visits where (hashtext('signal' || id) & 2147483647) %% 100 < 60""".formatted(band.formatted("age_years"),
            draw("vs' || k || '", 100), band.formatted("(18 + " + draw("va' || k || '", 53) + ")"),
            draw("vc' || k || '", 100), originArea(draw("vc' || k || '", 100), draw("vr' || k || '", 1000))))
        .update();
  }

  void dropStaging() {
    jdbc.sql("drop table if exists bench_seed_pathway").update();
  }
}
