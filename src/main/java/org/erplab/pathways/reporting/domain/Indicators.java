package org.erplab.pathways.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.project.domain.ProgrammeParameter;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries;
import org.erplab.pathways.reporting.infrastructure.MoneyQueries;
import org.erplab.pathways.reporting.infrastructure.StageQueries;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Counts;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The monitoring committee's indicators of a project and period (issue 10; the evaluation's tables 3.1-3.2 and
 * figures 3.1-3.5 and 3.8): who took part (all, of whom lab activity, of whom a personalised plan), how the plans stand, the
 * share of vulnerable participants, mean ages, and the distributions side by side. Every figure carries its
 * definition; every cell describing fewer than {@code reports.suppression.threshold} people is shown as "&lt;n", with
 * the complementary cells that would give it away (ADR 0040).
 */
@Service
public class Indicators {

  /** What "in the period" means, written beside every figure. */
  public static final String PERIOD_RULE = "Partecipante nel periodo: persona con un percorso aperto in almeno un "
      + "giorno del periodo (registrato entro la fine, non chiuso prima dell'inizio) o con un accesso al laboratorio "
      + "nel periodo. Una persona dell'anagrafe conta una volta; un visitatore anonimo, che nulla permette di "
      + "riconoscere, conta una volta per accesso. I dati di ciascuno sono quelli del suo ultimo percorso del periodo, "
      + "altrimenti del suo ultimo accesso.";

  static final List<String> COLUMNS = List.of("all", "lab", "plan");

  private final IndicatorQueries queries;
  private final MoneyQueries money;
  private final StageQueries stageQueries;
  private final ProgrammeParameters parameters;
  private final ProjectCalendars calendars;
  private final int threshold;

  public Indicators(IndicatorQueries queries, MoneyQueries money, StageQueries stageQueries,
      ProgrammeParameters parameters, ProjectCalendars calendars,
      @Value("${reports.suppression.threshold:5}") int threshold) {
    this.queries = queries;
    this.money = money;
    this.stageQueries = stageQueries;
    this.parameters = parameters;
    this.calendars = calendars;
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** What a hidden cell that is not small shows: "not available", explained in the legend. */
  public static final String WITHHELD = "n.d.";

  /**
   * A published number: its value; or, suppressed, null and "&lt;n" for a cell of fewer than n people, {@value
   * #WITHHELD} for a cell hidden because it would give a small one away.
   */
  public record Cell(Number value, String shown, boolean suppressed) {

    static Cell of(Number value) {
      return new Cell(value, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value), false);
    }

    static Cell small(int threshold) {
      return new Cell(null, "<" + threshold, true);
    }

    static Cell withheld() {
      return new Cell(null, WITHHELD, true);
    }
  }

  /** A figure with its definition. */
  public record Figure(String key, String label, String definition, Cell value) {}

  /** A row of a distribution: one cell per column (all, lab, plan). */
  public record Row(String code, String label, List<Cell> cells) {}

  /**
   * A distribution side by side for all, lab and plan participants; {@code additive}: the rows of a column add up to
   * its total (a person in exactly one row), else a person may be in several rows.
   */
  public record Distribution(String key, String label, String definition, boolean additive, List<String> columns,
      List<Row> rows, List<Cell> totals) {}

  /**
   * A stage: how many stays in it ended in the period, their median and 90th percentile in working days (each
   * project's calendar), and the deadlines missed in the period while pathways were in it.
   */
  public record StageTime(String stage, String label, Cell stays, Cell medianWorkingDays, Cell p90WorkingDays,
      Cell missedDeadlines) {}

  public record Report(String projectCode, LocalDate from, LocalDate to, String periodRule, int threshold,
      String legend, OffsetDateTime generatedAt, List<Figure> figures, List<Distribution> distributions,
      List<StageTime> stages) {}

  /** What the stages' table says, written beside it. */
  public static final String STAGE_RULE = "Per ogni fase: le permanenze concluse nel periodo (dall'ingresso nella "
      + "fase all'ingresso nella successiva o alla chiusura del percorso), la mediana e il 90° percentile in giorni "
      + "lavorativi del calendario del progetto, e le scadenze del periodo mancate mentre il percorso era in quella "
      + "fase.";

  public Report of(String projectCode, LocalDate from, LocalDate to) {
    return of(projectCode, java.util.Set.of(projectCode), from, to);
  }

  /** The report of several projects counted together ({@code label}: how the report names them). */
  public Report of(String label, java.util.Set<String> projectCodes, LocalDate from, LocalDate to) {
    Period period = new Period(projectCodes, from, to, from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
    IndicatorQueries.Figures counted = queries.figures(period);
    Counts people = counted.people();
    List<Figure> figures = new ArrayList<>();
    Cell all = count(people.all());
    Cell lab = count(people.lab());
    Cell plan = count(people.plan());
    figures.add(new Figure("participants", "Partecipanti", "Persone nel periodo (vedi la regola del periodo).", all));
    figures.add(new Figure("labParticipants", "di cui attività del laboratorio",
        "Persone con almeno un accesso al laboratorio nel periodo.", lab));
    figures.add(new Figure("planParticipants", "di cui piano personalizzato (PIP)",
        "Persone con un percorso del periodo il cui piano personalizzato è stato firmato.", plan));
    figures.add(new Figure("labAndPlanParticipants", "di cui entrambi",
        "Persone con un accesso al laboratorio nel periodo e un piano firmato.", count(people.both())));
    figures.add(new Figure("planShare", "Quota con un piano", "Partecipanti con un piano firmato sui partecipanti, in "
        + "percentuale.", share(people.plan(), people.all(), plan, all)));

    IndicatorQueries.LabActivity activity = counted.labActivity();
    figures.add(new Figure("labVisits", "Accessi al laboratorio", "Accessi registrati dal laboratorio nel periodo "
        + "(una persona può venire più volte).", count(activity.visits())));
    figures.add(new Figure("labSignals", "Segnalazioni raccolte", "Segnalazioni raccolte dal laboratorio negli "
        + "accessi del periodo.", count(activity.signals())));
    figures.add(new Figure("labSignalsPassedOn", "Segnalazioni inoltrate", "Segnalazioni del periodo passate ai "
        + "servizi sociali, ad ALER, al CPI o ad altri.", count(activity.passedOn())));
    figures.add(new Figure("labSignalsResolved", "Segnalazioni risolte", "Segnalazioni del periodo con esito "
        + "risolto.", count(activity.resolved())));

    Map<String, Long> plans = counted.plansByState();
    long planTotal = plans.values().stream().mapToLong(Long::longValue).sum();
    long[] planValues = {plans.getOrDefault("CONCLUDED", 0L), plans.getOrDefault("ONGOING", 0L),
        plans.getOrDefault("WITHDRAWN", 0L), planTotal};
    BitSet planHidden = CellSuppression.hidden(planValues,
        List.of(new CellSuppression.Relation(3, new int[] {0, 1, 2})), threshold);
    figures.add(new Figure("plans", "Piani firmati", "Percorsi del periodo con un piano firmato (un piano per "
        + "percorso).", cell(planValues[3], planHidden.get(3))));
    figures.add(new Figure("plansConcluded", "Piani conclusi", "Piani il cui percorso si è chiuso entro la fine del "
        + "periodo, non per rinuncia.", cell(planValues[0], planHidden.get(0))));
    figures.add(new Figure("plansOngoing", "Piani in corso", "Piani il cui percorso era aperto alla fine del periodo.",
        cell(planValues[1], planHidden.get(1))));
    figures.add(new Figure("plansWithdrawn", "Piani interrotti per rinuncia", "Piani il cui percorso si è chiuso per "
        + "rinuncia entro la fine del periodo.", cell(planValues[2], planHidden.get(2))));
    // the evaluation's figure 3.9 and table 3.2: the plans by state as shares of the plans, each with its cell
    String[] stateKeys = {"plansConcludedShare", "plansOngoingShare", "plansWithdrawnShare"};
    String[] stateLabels = {"Quota di piani conclusi", "Quota di piani in corso", "Quota di piani interrotti per rinuncia"};
    String[] stateWords = {"conclusi", "in corso", "interrotti per rinuncia"};
    Cell plansShown = cell(planValues[3], planHidden.get(3));
    for (int s = 0; s < stateKeys.length; s++) {
      figures.add(new Figure(stateKeys[s], stateLabels[s], "Piani " + stateWords[s] + " sui piani firmati, in "
          + "percentuale.", share(planValues[s], planValues[3], cell(planValues[s], planHidden.get(s)), plansShown)));
    }

    Map<String, Counts> status = counted.by("disadvantage_status");
    // who has nothing recorded, and who has "none" (never combined with a condition: the interview's rule), are the
    // same people in both tables: suppressed together
    List<Distribution> disadvantageTables = distributions(List.of(
        Table.of("disadvantageStatus", "Svantaggio registrato", "Partecipanti con almeno una condizione di svantaggio, "
            + "con «nessuna», o senza nulla registrato (mostrato a parte).", true, status,
            IndicatorLabels.DISADVANTAGE_STATUS),
        Table.of("disadvantage", "Tipo di svantaggio", "Partecipanti per condizione di svantaggio registrata: chi ne "
            + "ha più d'una conta in ciascuna, quindi le righe non sommano al totale.", false,
            counted.byDisadvantage(), IndicatorLabels.DISADVANTAGE)),
        people, List.of(new SameRow("disadvantageStatus", "UNKNOWN", "disadvantage", "NOT_RECORDED"),
            new SameRow("disadvantageStatus", "NONE", "disadvantage", "NONE")));
    Distribution statusTable = disadvantageTables.get(0);
    Counts vulnerable = status.getOrDefault("VULNERABLE", new Counts(0, 0, 0, 0));
    Counts unknown = status.getOrDefault("UNKNOWN", new Counts(0, 0, 0, 0));
    // the shares go with the cells of that table: a share of a hidden cell would give it away
    figures.add(new Figure("vulnerableShare", "Quota di partecipanti vulnerabili",
        "Partecipanti con almeno una condizione di svantaggio registrata al colloquio (non «nessuna») sui "
            + "partecipanti, in percentuale.", share(vulnerable.all(), people.all(), cellOf(statusTable, "VULNERABLE"),
            all)));
    figures.add(new Figure("disadvantageNotRecordedShare", "Quota senza svantaggio registrato",
        "Partecipanti per i quali nessuna condizione di svantaggio è stata registrata (né una condizione né "
            + "«nessuna»: colloquio non svolto, solo laboratorio) sui partecipanti, in percentuale.",
        share(unknown.all(), people.all(), cellOf(statusTable, "UNKNOWN"), all)));
    IndicatorQueries.Mean planAge = counted.meanAge(true);
    IndicatorQueries.Mean labAge = counted.meanAge(false);
    figures.add(new Figure("meanAgePlan", "Età media dei partecipanti con un piano",
        "Media dell'età in anni compiuti all'inizio del percorso dei partecipanti con un piano firmato.",
        mean(planAge)));
    figures.add(new Figure("meanAgeLab", "Età media dei partecipanti del laboratorio",
        "Media dell'età in anni dei partecipanti del laboratorio di cui è nota (all'inizio del percorso, o alla visita; "
            + "i visitatori anonimi danno solo la fascia e non entrano nella media).", mean(labAge)));

    figures.addAll(money(period));

    List<Distribution> distributions = new ArrayList<>();
    distributions.add(distribution("gender", "Genere", "Partecipanti per genere.", true,
        counted.by("gender"), people, IndicatorLabels.GENDER));
    distributions.add(distribution("ageBand", "Fascia d'età", "Partecipanti per fascia d'età (anni compiuti all'inizio "
        + "del percorso o alla visita).", true, counted.by("age_band"), people, IndicatorLabels.AGE_BAND));
    // the Italians are the same people in both: suppressed together
    distributions.addAll(distributions(List.of(
        Table.of("citizenship", "Cittadinanza", "Partecipanti per cittadinanza: italiana, di un altro Stato "
            + "dell'Unione, di un Paese terzo.", true, counted.by("citizenship_area"), IndicatorLabels.CITIZENSHIP),
        Table.of("originArea", "Area di provenienza (cittadini stranieri)", "Partecipanti per area di provenienza: i "
            + "cittadini stranieri per l'area del Paese di cittadinanza (secondo la tabella dei Paesi tenuta dal "
            + "programma; un Paese che non vi compare conta in «altri Paesi»), gli italiani a parte; «non nota»: "
            + "cittadinanza non indicata, o visitatore straniero senza consenso che non ha indicato l'area.", true,
            counted.by("origin_area"), IndicatorLabels.ORIGIN_AREA)),
        people, List.of(new SameRow("citizenship", "IT", "originArea", "IT"))));
    Map<String, Counts> provinces = counted.by("province");
    distributions.add(distribution("province", "Provincia di residenza", "Partecipanti per provincia di residenza: "
        + "è la provincia del progetto, perché i partecipanti abitano negli alloggi pubblici del quartiere in cui il "
        + "progetto opera.", true, provinces, people, IndicatorLabels.present(IndicatorLabels.PROVINCE, provinces)));
    distributions.add(distribution("education", "Titolo di studio", "Partecipanti per titolo di studio dichiarato al "
        + "colloquio di presa in carico («non rilevato»: nessun colloquio, o solo laboratorio).", true,
        counted.by("education"), people, IndicatorLabels.EDUCATION));
    distributions.add(distribution("employmentStatus", "Condizione occupazionale all'ingresso", "Partecipanti per "
        + "condizione occupazionale dichiarata al colloquio di presa in carico.", true,
        counted.by("employment_status"), people, IndicatorLabels.EMPLOYMENT));
    distributions.addAll(disadvantageTables);
    String legend = "«<" + threshold + "»: meno di " + threshold + " persone, dato non pubblicato; «" + WITHHELD
        + "»: dato non pubblicato perché permetterebbe di ricavarne uno inferiore a " + threshold + " dai totali; "
        + "«-»: non calcolabile (nessuna persona).";
    return new Report(label, from, to, PERIOD_RULE, threshold, legend, EngineClock.now(), figures,
        distributions, stages(period));
  }

  /** A distribution suppressed on its own. */
  private Distribution distribution(String key, String label, String definition, boolean additive,
      Map<String, Counts> counts, Counts people, Map<String, String> labels) {
    return distributions(List.of(Table.of(key, label, definition, additive, counts, labels)), people, List.of())
        .get(0);
  }

  /** A distribution before suppression: its codes in the order shown (labelled ones first), labels and counts. */
  private record Table(String key, String label, String definition, boolean additive, List<String> codes,
      Map<String, String> labels, Map<String, Counts> counts) {

    static Table of(String key, String label, String definition, boolean additive, Map<String, Counts> counts,
        Map<String, String> labels) {
      List<String> codes = new ArrayList<>(labels.keySet());
      counts.keySet().stream().filter(c -> !labels.containsKey(c)).sorted().forEach(codes::add);
      return new Table(key, label, definition, additive, codes, labels, counts);
    }

    /** The count of row {@code r} in column {@code col} (all, lab, plan). */
    long value(int r, int col) {
      Counts c = counts.getOrDefault(codes.get(r), new Counts(0, 0, 0, 0));
      return col == 0 ? c.all() : col == 1 ? c.lab() : c.plan();
    }
  }

  /** A row of one table that counts the same people as a row of another (Italians by citizenship and by origin). */
  private record SameRow(String key, String code, String otherKey, String otherCode) {}

  /**
   * Suppresses each column on its own, over the cells of the tables together: an additive table is its rows and the
   * total (the headline count, one cell for all of them), protected with its complements; a non-additive one, only
   * its small cells; and a row that counts the same people as a row of another table is one more relation (each the
   * other's total), so that neither table shows what the other hides.
   */
  private List<Distribution> distributions(List<Table> tables, Counts people, List<SameRow> same) {
    Map<String, Integer> cell = new LinkedHashMap<>(); // "key/code" -> index; 0 is the total
    List<CellSuppression.Relation> relations = new ArrayList<>();
    int size = 1;
    for (Table t : tables) {
      int[] parts = new int[t.codes().size()];
      for (int r = 0; r < parts.length; r++) {
        parts[r] = size;
        cell.put(t.key() + "/" + t.codes().get(r), size++);
      }
      if (t.additive()) {
        relations.add(new CellSuppression.Relation(0, parts));
      }
    }
    for (SameRow s : same) {
      relations.add(new CellSuppression.Relation(cell.get(s.key() + "/" + s.code()),
          new int[] {cell.get(s.otherKey() + "/" + s.otherCode())}));
    }
    long[] totals = {people.all(), people.lab(), people.plan()};
    Cell[][] cells = new Cell[COLUMNS.size()][size];
    for (int col = 0; col < COLUMNS.size(); col++) {
      long[] column = new long[size];
      column[0] = totals[col];
      for (Table t : tables) {
        for (int r = 0; r < t.codes().size(); r++) {
          column[cell.get(t.key() + "/" + t.codes().get(r))] = t.value(r, col);
        }
      }
      BitSet hidden = CellSuppression.hidden(column, relations, threshold);
      for (int i = 0; i < size; i++) {
        cells[col][i] = cell(column[i], hidden.get(i));
      }
    }
    List<Distribution> distributions = new ArrayList<>();
    for (Table t : tables) {
      List<Row> rows = new ArrayList<>();
      for (String code : t.codes()) {
        List<Cell> row = new ArrayList<>();
        for (int col = 0; col < COLUMNS.size(); col++) {
          row.add(cells[col][cell.get(t.key() + "/" + code)]);
        }
        rows.add(new Row(code, t.labels().getOrDefault(code, code), row));
      }
      List<Cell> columnTotals = new ArrayList<>();
      for (int col = 0; col < COLUMNS.size(); col++) {
        columnTotals.add(cells[col][0]);
      }
      distributions.add(new Distribution(t.key(), t.label(), t.definition(), t.additive(), COLUMNS, rows,
          columnTotals));
    }
    return distributions;
  }

  /**
   * The money: the budget of the projects (their parameter {@code projectBudget} on the period's last day), what the
   * signed plans commit and its share of the budget, the indemnity accrued, the arrears reductions passed to ALER. A
   * sum of fewer pathways than the threshold is withheld (it could be one person's indemnity).
   */
  private List<Figure> money(Period period) {
    BigDecimal budget = BigDecimal.ZERO;
    for (String project : period.projectCodes()) {
      budget = budget.add(new BigDecimal(parameters.value(project, ProgrammeParameter.PROJECT_BUDGET, period.to())));
    }
    MoneyQueries.Committed committed = money.committed(period);
    MoneyQueries.Sum accrued = money.accrued(period);
    MoneyQueries.Sum arrears = money.arrearsReductions(period);
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("budget", "Budget del progetto (euro)", "Somma del parametro projectBudget dei progetti "
        + "all'ultimo giorno del periodo; «-» se non indicato.",
        budget.signum() == 0 ? new Cell(null, "-", false) : Cell.of(budget.setScale(2, RoundingMode.HALF_UP))));
    Cell services = euro(committed.services());
    Cell indemnity = euro(committed.indemnity());
    figures.add(new Figure("servicesCommitted", "Servizi impegnati nei piani (euro)", "Somma del totale dei servizi "
        + "dell'ultima versione firmata del piano dei percorsi del periodo.", services));
    figures.add(new Figure("indemnityCommitted", "Indennità impegnata nei piani (euro)", "Somma del tetto "
        + "dell'indennità dell'ultima versione firmata del piano dei percorsi del periodo.", indemnity));
    BigDecimal total = committed.services().amount().add(committed.indemnity().amount());
    figures.add(new Figure("committedShareOfBudget", "Quota del budget impegnata", "Servizi e indennità impegnati "
        + "nei piani sul budget del progetto, in percentuale.",
        services.suppressed() || indemnity.suppressed() ? Cell.withheld()
            : budget.signum() == 0 ? new Cell(null, "-", false)
            : Cell.of(total.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP))));
    figures.add(new Figure("indemnityAccrued", "Indennità maturata nel periodo (euro)", "Indennità di partecipazione "
        + "maturata con le presenze ai corsi calcolate nel periodo, indennità di tirocinio dei mesi del periodo e, per i "
        + "percorsi chiusi nel periodo prima dell'esito di un corso (rinuncia, interruzione), l'indennità delle ore "
        + "frequentate calcolata alla chiusura.",
        euro(accrued)));
    figures.add(new Figure("arrearsReductions", "Riduzioni della morosità passate ad ALER (euro)", "Quota "
        + "dell'indennità destinata alla morosità calcolata nel periodo e comunicata ad ALER (annullate escluse).",
        euro(arrears)));
    return figures;
  }

  /** The stages in their order in a pathway, each with its stays, percentiles and missed deadlines. */
  private List<StageTime> stages(Period period) {
    Map<String, java.util.TreeMap<Integer, Long>> durations = new LinkedHashMap<>();
    for (StageQueries.Span span : stageQueries.spans(period)) {
      int days = calendars.calendar(span.project()).workingDaysBetween(span.entered(), span.left());
      durations.computeIfAbsent(span.stage(), k -> new java.util.TreeMap<>()).merge(Math.max(0, days), span.count(),
          Long::sum);
    }
    Map<String, Long> missed = stageQueries.missedByStage(period);
    List<String> order = new ArrayList<>(IndicatorLabels.STAGE.keySet());
    java.util.stream.Stream.concat(durations.keySet().stream(), missed.keySet().stream())
        .filter(s -> !order.contains(s)).distinct().sorted().forEach(order::add);
    List<StageTime> stages = new ArrayList<>();
    for (String stage : order) {
      java.util.TreeMap<Integer, Long> byDays = durations.getOrDefault(stage, new java.util.TreeMap<>());
      long stays = byDays.values().stream().mapToLong(Long::longValue).sum();
      long missedHere = missed.getOrDefault(stage, 0L);
      if (stays == 0 && missedHere == 0) {
        continue;
      }
      boolean few = stays < threshold;
      stages.add(new StageTime(stage, IndicatorLabels.STAGE.getOrDefault(stage, stage), count(stays),
          stays == 0 ? new Cell(null, "-", false) : few ? Cell.withheld() : Cell.of(percentile(byDays, stays, 50)),
          stays == 0 ? new Cell(null, "-", false) : few ? Cell.withheld() : Cell.of(percentile(byDays, stays, 90)),
          count(missedHere)));
    }
    return stages;
  }

  /** The nearest-rank percentile of counted values. */
  static int percentile(java.util.TreeMap<Integer, Long> counts, long total, int percent) {
    long rank = Math.max(1, (long) Math.ceil(total * percent / 100.0));
    long seen = 0;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return counts.lastKey();
  }

  /** A sum in euro, withheld when it adds up fewer pathways than the threshold (none: 0). */
  private Cell euro(MoneyQueries.Sum sum) {
    if (sum.pathways() > 0 && sum.pathways() < threshold) {
      return Cell.withheld();
    }
    return Cell.of(sum.amount().setScale(2, RoundingMode.HALF_UP));
  }

  /** The "all" cell of a row of a distribution. */
  private static Cell cellOf(Distribution distribution, String code) {
    return distribution.rows().stream().filter(r -> r.code().equals(code)).findFirst()
        .map(r -> r.cells().get(0)).orElseThrow();
  }

  private Cell count(long value) {
    return CellSuppression.small(value, threshold) ? Cell.small(threshold) : Cell.of(value);
  }

  private Cell cell(long value, boolean hidden) {
    if (!hidden) {
      return Cell.of(value);
    }
    return CellSuppression.small(value, threshold) ? Cell.small(threshold) : Cell.withheld();
  }

  /** A percentage with one decimal; suppressed with its numerator or denominator. */
  private Cell share(long numerator, long denominator, Cell shownNumerator, Cell shownDenominator) {
    if (shownNumerator.suppressed() || shownDenominator.suppressed()) {
      return Cell.withheld();
    }
    if (denominator == 0) {
      return new Cell(null, "-", false);
    }
    return Cell.of(BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1,
        RoundingMode.HALF_UP));
  }

  /** A mean with one decimal, suppressed when it is of fewer people than the threshold. */
  private Cell mean(IndicatorQueries.Mean mean) {
    if (mean.people() == 0) {
      return new Cell(null, "-", false);
    }
    if (mean.people() < threshold) {
      return Cell.withheld();
    }
    return Cell.of(BigDecimal.valueOf(mean.value()).setScale(1, RoundingMode.HALF_UP));
  }

  /** The labels of the codes, in the order shown. */
  static final class IndicatorLabels {

    static final Map<String, String> STAGE = labels("INTAKE", "Presa in carico", "DOCUMENTS", "Documenti",
        "ELIGIBILITY", "Verifica dei requisiti", "VERIFICATION", "Verifica del CPI", "OPERATOR_ASSIGNMENT",
        "Assegnazione all'operatore", "FIRST_APPOINTMENT", "Primo appuntamento", "SKILLS_ASSESSMENT",
        "Bilancio delle competenze", "PLAN", "Piano personalizzato", "TRAINING", "Formazione", "INTERNSHIP",
        "Tirocinio", "PLACEMENT", "Inserimento lavorativo", "FOLLOW_UP", "Monitoraggio", "SELF_EMPLOYMENT",
        "Autoimpiego", "SOCIAL_INCLUSION", "Inclusione sociale");
    static final Map<String, String> GENDER = labels("F", "Donne", "M", "Uomini", "UNKNOWN", "Non indicato");
    static final Map<String, String> AGE_BAND = labels("UNDER_18", "Meno di 18", "18_35", "18-35", "36_54", "36-54",
        "55_64", "55-64", "65_PLUS", "65 e oltre", "UNKNOWN", "Non nota");
    static final Map<String, String> CITIZENSHIP = labels("IT", "Italiana", "EU", "Unione europea", "NON_EU",
        "Paesi terzi", "UNKNOWN", "Non indicata");
    static final Map<String, String> ORIGIN_AREA = labels("IT", "Cittadinanza italiana", "MAGHREB_NEAR_EAST",
        "Magreb - Vicino Oriente", "EASTERN_EUROPE", "Europa orientale", "SUB_SAHARAN_AFRICA", "Africa subsahariana",
        "ASIA", "Asia", "LATIN_AMERICA", "America Latina", "OTHER", "Altri Paesi", "UNKNOWN", "Non nota");
    /** Lombardy's provinces; a project elsewhere shows its province's code. */
    static final Map<String, String> PROVINCE = labels("BG", "Bergamo", "BS", "Brescia", "CO", "Como", "CR",
        "Cremona", "LC", "Lecco", "LO", "Lodi", "MB", "Monza e della Brianza", "MI", "Milano", "MN", "Mantova", "PV",
        "Pavia", "SO", "Sondrio", "VA", "Varese");
    static final Map<String, String> EDUCATION = labels("NONE", "Nessun titolo", "PRIMARY", "Licenza elementare",
        "LOWER_SECONDARY", "Licenza media", "UPPER_SECONDARY", "Diploma di scuola superiore", "POST_SECONDARY",
        "Qualifica post-diploma (IFTS, ITS)", "TERTIARY", "Laurea o titolo superiore", "UNKNOWN", "Non rilevato");
    static final Map<String, String> EMPLOYMENT = labels("UNEMPLOYED", "Disoccupato", "FIRST_JOB_SEEKER",
        "In cerca di prima occupazione", "INACTIVE", "Inattivo", "STUDENT", "Studente", "EMPLOYED", "Occupato",
        "RETIRED", "Pensionato", "UNKNOWN", "Non rilevata");
    static final Map<String, String> DISADVANTAGE_STATUS = labels("VULNERABLE", "Almeno una condizione di svantaggio",
        "NONE", "Nessuna condizione", "UNKNOWN", "Non registrato");
    static final Map<String, String> DISADVANTAGE = labels("MIGRANT", "Migrante", "DISABILITY", "Disabilità",
        "FORMER_DETAINEE", "Ex detenuto", "ADDICTION", "Dipendenze", "GENDER_VIOLENCE",
        "Vittima di violenza di genere", "OTHER", "Altro", "NONE", "Nessuna", "NOT_RECORDED", "Non registrato");

    private IndicatorLabels() {}

    /** The labels of the codes that were counted only (a row per code of a long list would be mostly empty). */
    static Map<String, String> present(Map<String, String> labels, Map<String, Counts> counts) {
      Map<String, String> present = new LinkedHashMap<>(labels);
      present.keySet().retainAll(counts.keySet());
      return present;
    }

    private static Map<String, String> labels(String... pairs) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        map.put(pairs[i], pairs[i + 1]);
      }
      return map;
    }
  }
}
