package org.erplab.pathways.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.common.api.ExportFiles;
import org.erplab.pathways.reporting.domain.Indicators;
import org.erplab.pathways.reporting.domain.Indicators.Cell;
import org.erplab.pathways.support.IndicatorChartsCheck;
import org.erplab.pathways.support.PdfContent;
import org.junit.jupiter.api.Test;

/**
 * The indicators' file on a crafted report, without the application: a chart above the figures and above each
 * distribution's rows (any distribution the report has), a bar per published cell, the suppressed ones written.
 */
class IndicatorsFileTest {

  private static final OffsetDateTime GENERATED = OffsetDateTime.parse("2026-12-03T07:30:00Z");
  private static final Cell SMALL = new Cell(null, "<5", true);
  private static final Cell WITHHELD = new Cell(null, "n.d.", true);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @Test
  void shouldDrawABarPerPublishedCellAndWriteTheSuppressedOnesInItsPlace() {
    Indicators.Report report = report(List.of(
        distribution("gender", "Genere", row("Donne", count(12), count(6), WITHHELD),
            row("Uomini", count(20), count(0), SMALL), row("Non indicato", count(0), count(0), count(0))),
        // a distribution the code has no word for: drawn all the same
        distribution("housing", "Condizione abitativa", row("Alloggio ALER", count(8), WITHHELD, count(5)),
            row("Altro", SMALL, WITHHELD, count(0)))));
    IndicatorsFile file = new IndicatorsFile(report);
    byte[] pdf = file.attachment("Indicatori", report, "pdf", "x").getBody();
    byte[] csv = file.attachment("Indicatori", report, "csv", "x").getBody();

    IndicatorChartsCheck.assertChartsDrawPublishedCellsOnly(pdf, csv, JSON.valueToTree(report));

    // drawn in order: the plans' swatch and bar (10), the gender's 3 swatches, then its bars 12, 6 and 20 to scale
    List<PdfContent.Shape> shapes = PdfContent.of(pdf).filled();
    assertThat(shapes).hasSize(2 + 3 + 3 + 3 + 2);
    double unit = shapes.get(5).width() / 12;
    assertThat(shapes.get(6).width()).isCloseTo(6 * unit, org.assertj.core.data.Offset.offset(0.01));
    assertThat(shapes.get(7).width()).isCloseTo(20 * unit, org.assertj.core.data.Offset.offset(0.01));
    assertThat(shapes.get(5).left()).isEqualTo(shapes.get(7).left());
    // the CSV has the table only
    assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain("Grafico").contains("Genere;Donne;12;6;n.d.;");
  }

  @Test
  void shouldKeepEachTableAfterItsChart() {
    Indicators.Report report = report(List.of(
        distribution("gender", "Genere", row("Donne", count(12), count(6), count(5)),
            row("Uomini", count(20), count(0), count(10))),
        distribution("ageBand", "Fascia d'età", row("18-35", count(32), count(6), count(15)))));
    PdfContent pdf = PdfContent.of(new IndicatorsFile(report).attachment("Indicatori", report, "pdf", "x").getBody());
    List<String> lines = new ArrayList<>();
    for (int page = 1; page <= pdf.pages(); page++) {
      lines.addAll(pdf.lines(page));
    }

    int plans = lines.indexOf("Grafico 1 - Piani firmati per stato");
    int figures = indexOf(lines, "Indicatori Partecipanti 32");
    int gender = lines.indexOf("Grafico 2 - Genere");
    int genderRows = indexOf(lines, "Genere Donne 12 6 5");
    int age = lines.indexOf("Grafico 3 - Fascia d'età");
    int ageRows = indexOf(lines, "Fascia d'età 18-35 32 6 15");
    assertThat(List.of(plans, figures, gender, genderRows, age, ageRows)).doesNotContain(-1).isSorted();
    assertThat(lines).contains("Sezione Voce Tutti Laboratorio Piano Definizione");
  }

  @Test
  void shouldFitAChartOfManyItemsOnItsPage() {
    List<Indicators.Row> rows = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      rows.add(row("Voce " + i + " con un'etichetta piuttosto lunga che va a capo almeno una volta", count(5L * i),
          i % 3 == 0 ? SMALL : count(i), count(7)));
    }
    Indicators.Report report = report(List.of(new Indicators.Distribution("many", "Molte voci", "Prova.", false,
        List.of("all", "lab", "plan"), rows, List.of(count(200), count(100), count(50)))));
    PdfContent pdf = PdfContent.of(new IndicatorsFile(report).attachment("Indicatori", report, "pdf", "x").getBody());

    float width = 842;
    float height = 595;
    assertThat(pdf.filled()).isNotEmpty().allSatisfy(shape -> {
      assertThat(shape.left()).isGreaterThanOrEqualTo(36);
      assertThat(shape.right()).isLessThanOrEqualTo(width - 36);
      assertThat(shape.bottom()).isGreaterThanOrEqualTo(36);
      assertThat(shape.top()).isLessThanOrEqualTo(height - 36);
    });
    assertThat(pdf.words()).allSatisfy(word -> {
      assertThat(word.x()).isGreaterThanOrEqualTo(0);
      assertThat(word.x() + word.width()).isLessThanOrEqualTo(width);
      assertThat(word.baseline()).isBetween(0f, height);
    });
    assertThat(new BarChart("x", List.of("a", "b", "c"), rows.stream()
        .map(r -> new BarChart.Item(r.label(), r.cells())).toList(), "persone").height())
        .isLessThanOrEqualTo(ExportFiles.PDF_HEIGHT);
  }

  @Test
  void shouldScaleInStepsOfOneTwoOrFive() {
    assertThat(BarChart.Scale.of(0)).isEqualTo(new BarChart.Scale(1, 1));
    assertThat(BarChart.Scale.of(5)).isEqualTo(new BarChart.Scale(1, 5));
    assertThat(BarChart.Scale.of(11)).isEqualTo(new BarChart.Scale(5, 15));
    assertThat(BarChart.Scale.of(17)).isEqualTo(new BarChart.Scale(5, 20));
    assertThat(BarChart.Scale.of(240)).isEqualTo(new BarChart.Scale(50, 250));
    assertThat(BarChart.Scale.of(1000)).isEqualTo(new BarChart.Scale(200, 1000));
  }

  // ------------------------------------------------------------------ a report

  private static Indicators.Report report(List<Indicators.Distribution> distributions) {
    List<Indicators.Figure> figures = List.of(
        figure("participants", "Partecipanti", count(32)),
        figure("plans", "Piani firmati", count(15)),
        figure("plansConcluded", "Piani conclusi", count(10)),
        figure("plansOngoing", "Piani in corso", SMALL),
        figure("plansWithdrawn", "Piani interrotti per rinuncia", WITHHELD));
    return new Indicators.Report("PRJ", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "Regola del periodo.",
        5, "«<5»: meno di 5 persone; «n.d.»: dato non pubblicato.", GENERATED, figures, distributions, List.of());
  }

  private static Indicators.Figure figure(String key, String label, Cell value) {
    return new Indicators.Figure(key, label, "Definizione di " + label + ".", value);
  }

  private static Indicators.Distribution distribution(String key, String label, Indicators.Row... rows) {
    return new Indicators.Distribution(key, label, "Partecipanti per " + label + ".", true,
        List.of("all", "lab", "plan"), List.of(rows), List.of(count(32), count(6), count(15)));
  }

  private static Indicators.Row row(String label, Cell... cells) {
    return new Indicators.Row(label, label, List.of(cells));
  }

  private static Cell count(long value) {
    return new Cell(value, Long.toString(value), false);
  }

  private static int indexOf(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}
