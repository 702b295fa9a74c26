package org.erplab.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks the charts of an indicators' PDF (issue 10, ADR 0040) against the report they draw, given as its JSON (what
 * {@code /api/reports/indicators} answers) and the CSV of the same report (the table the PDF also holds):
 *
 * <ul>
 *   <li>each chart's title, with its legend on the next line: the plans by state, then each distribution;
 *   <li>as many filled shapes as legend swatches (one per series) and published cells above 0: a bar each;
 *   <li>every suppressed cell's text ("&lt;5", "n.d.") written once in the table and once more in its chart, and no
 *       filled shape where a suppressed cell's text stands.
 * </ul>
 */
public final class IndicatorChartsCheck {

  private static final List<String> PLAN_STATES = List.of("plansConcluded", "plansOngoing", "plansWithdrawn");

  private record Chart(String title, String legend, int series, List<JsonNode> cells) {}

  private IndicatorChartsCheck() {}

  public static void assertChartsDrawPublishedCellsOnly(byte[] pdf, byte[] csv, JsonNode report) {
    PdfContent content = PdfContent.of(pdf);
    List<Chart> charts = charts(report);
    assertThat(content.images()).as("images").isZero();

    for (Chart chart : charts) {
      assertThat(legendBelow(content, chart.title()))
          .as("the line below the title %s", chart.title()).startsWith(chart.legend());
    }

    long swatches = charts.stream().mapToInt(Chart::series).sum();
    long bars = charts.stream().flatMap(c -> c.cells().stream()).filter(IndicatorChartsCheck::drawable).count();
    assertThat(content.filled()).as("legend swatches (%d) and bars (%d)", swatches, bars)
        .hasSize((int) (swatches + bars));

    Set<String> hidden = Set.of("<" + report.path("threshold").asInt(), "n.d.");
    long inCharts = charts.stream().flatMap(c -> c.cells().stream())
        .filter(c -> c.path("suppressed").asBoolean()).count();
    List<PdfContent.Word> written = content.words().stream().filter(w -> hidden.contains(w.text())).toList();
    assertThat(written).as("suppressed cells written in the tables and in the charts")
        .hasSize((int) (tokens(csv, hidden) + inCharts));
    for (PdfContent.Word word : written) {
      assertThat(content.filled()).as("shapes where %s is written", word).noneMatch(shape -> shape.page() == word.page()
          && shape.bottom() < word.middle() && word.middle() < shape.top() && shape.left() <= word.x());
    }
  }

  /** Whether a cell is drawn as a bar: published and above 0. */
  private static boolean drawable(JsonNode cell) {
    return !cell.path("suppressed").asBoolean() && cell.path("value").isNumber() && cell.path("value").asDouble() > 0;
  }

  private static List<Chart> charts(JsonNode report) {
    List<Chart> charts = new ArrayList<>();
    List<JsonNode> plans = new ArrayList<>();
    for (String key : PLAN_STATES) {
      for (JsonNode figure : report.path("figures")) {
        if (key.equals(figure.path("key").asText())) {
          plans.add(figure.path("value"));
        }
      }
    }
    assertThat(plans).as("the plans by state").hasSize(PLAN_STATES.size());
    charts.add(new Chart("Grafico 1 - Piani firmati per stato", "Piani firmati", 1, plans));
    for (JsonNode distribution : report.path("distributions")) {
      List<JsonNode> cells = new ArrayList<>();
      distribution.path("rows").forEach(row -> row.path("cells").forEach(cells::add));
      charts.add(new Chart("Grafico " + (charts.size() + 1) + " - " + distribution.path("label").asText(),
          "Tutti Laboratorio Piano", distribution.path("columns").size(), cells));
    }
    return charts;
  }

  /** The line below the chart's title (alone on its line). */
  private static String legendBelow(PdfContent content, String title) {
    for (int page = 1; page <= content.pages(); page++) {
      List<String> lines = content.lines(page);
      int at = lines.indexOf(title);
      if (at >= 0 && at + 1 < lines.size()) {
        return lines.get(at + 1);
      }
    }
    throw new AssertionError("no chart titled " + title);
  }

  /** How many words of the CSV's cells are one of {@code hidden}. */
  private static long tokens(byte[] csv, Set<String> hidden) {
    String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try {
      long count = 0;
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))) {
        for (String cell : record) {
          for (String word : cell.split("\\s+")) {
            count += hidden.contains(word) ? 1 : 0;
          }
        }
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
