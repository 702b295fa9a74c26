package org.erplab.pathways.reporting.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.common.api.ExportFiles;
import org.erplab.pathways.reporting.domain.Indicators;
import org.springframework.http.ResponseEntity;

/**
 * The indicators as a file (issue 10, ADR 0040): one table for the CSV, the XLSX and the PDF (section, item, all, lab,
 * plan, definition; suppressed cells as published, then the period rule and the legend), and in the PDF a chart of
 * the plans by state above the figures and a chart of each distribution above its rows.
 */
final class IndicatorsFile {

  /** How the files name the distributions' columns. */
  static final Map<String, String> COLUMNS = Map.of("all", "Tutti", "lab", "Laboratorio", "plan", "Piano");
  static final List<String> HEADINGS = List.of("Sezione", "Voce", COLUMNS.get("all"), COLUMNS.get("lab"),
      COLUMNS.get("plan"), "Definizione");
  static final float[] WIDTHS = {14, 18, 7, 7, 7, 47};
  /** The figures of the plans by state, in the order of their chart. */
  static final List<String> PLAN_STATES = List.of("plansConcluded", "plansOngoing", "plansWithdrawn");

  private final List<List<String>> rows = new ArrayList<>();
  private final List<ExportFiles.Drawing> charts = new ArrayList<>();

  IndicatorsFile(Indicators.Report report) {
    charts.add(plans(charts.size() + 1, report).above(rows.size()));
    for (Indicators.Figure f : report.figures()) {
      rows.add(List.of("Indicatori", f.label(), f.value().shown(), "", "", f.definition()));
    }
    for (Indicators.Distribution d : report.distributions()) {
      charts.add(distribution(charts.size() + 1, d).above(rows.size()));
      for (Indicators.Row r : d.rows()) {
        rows.add(List.of(d.label(), r.label(), r.cells().get(0).shown(), r.cells().get(1).shown(),
            r.cells().get(2).shown(), ""));
      }
      rows.add(List.of(d.label(), d.additive() ? "Totale" : "Partecipanti", d.totals().get(0).shown(),
          d.totals().get(1).shown(), d.totals().get(2).shown(), d.definition()));
    }
    for (Indicators.StageTime t : report.stages()) {
      rows.add(List.of("Tempi per fase", t.label(), t.stays().shown(), t.medianWorkingDays().shown(),
          t.p90WorkingDays().shown(), "scadenze mancate: " + t.missedDeadlines().shown()));
    }
    note("Tempi per fase", "Colonne: permanenze, mediana, 90° percentile. " + Indicators.STAGE_RULE);
    note("Regola del periodo", report.periodRule());
    note("Legenda", report.legend());
  }

  /** A row of the notes at the end. */
  IndicatorsFile note(String item, String text) {
    rows.add(List.of("Note", item, "", "", "", text));
    return this;
  }

  List<List<String>> rows() {
    return rows;
  }

  /** The file in {@code format} (csv, pdf or xlsx) as {@code name}.{@code format}, with the charts in the PDF. */
  ResponseEntity<byte[]> attachment(String title, Indicators.Report report, String format, String name) {
    ExportFiles.Table table = new ExportFiles.Table(title, report.generatedAt(), HEADINGS, WIDTHS, rows);
    return ExportFiles.attachment(table, charts, format, name);
  }

  /** The chart of a distribution: a group of bars per row, a bar per column. */
  static BarChart distribution(int number, Indicators.Distribution d) {
    return new BarChart("Grafico " + number + " - " + d.label(),
        d.columns().stream().map(c -> COLUMNS.getOrDefault(c, c)).toList(),
        d.rows().stream().map(r -> new BarChart.Item(r.label(), r.cells())).toList(), "persone");
  }

  /** The chart of the plans by state: concluded, ongoing, withdrawn. */
  static BarChart plans(int number, Indicators.Report report) {
    List<BarChart.Item> items = new ArrayList<>();
    for (String key : PLAN_STATES) {
      report.figures().stream().filter(f -> f.key().equals(key)).findFirst()
          .ifPresent(f -> items.add(new BarChart.Item(f.label(), List.of(f.value()))));
    }
    return new BarChart("Grafico " + number + " - Piani firmati per stato", List.of("Piani firmati"), items, "piani");
  }
}
