package org.erplab.pathways.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The export files without the application: formula cells neutralised, the CSV's bytes, the PDF's pages and text. */
class ExportFilesTest {

  // 08:30 in Rome on a winter day
  private static final OffsetDateTime GENERATED = OffsetDateTime.parse("2026-12-03T07:30:00Z");
  private static final List<String> HEADINGS = List.of("N.", "Evento", "Dettagli");
  private static final float[] WIDTHS = {1, 2, 6};

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+39 333", "-1", "@SUM(A1)", "\tcmd", "\rcmd"})
  void shouldPutAnApostropheBeforeACellASpreadsheetWouldTakeForAFormula(String cell) {
    assertThat(ExportFiles.neutralised(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TASK_COMPLETED", "{\"due\":\"2026-12-10\"}", "lab.lorenteggio", "3", "a=b", "x-1", " =1"})
  void shouldLeaveOtherCellsAsTheyAre(String cell) {
    assertThat(ExportFiles.neutralised(cell)).isEqualTo(cell);
  }

  @Test
  void shouldWriteCsvForItalianExcel() throws Exception {
    byte[] csv = ExportFiles.csv(new ExportFiles.Table("Registro; prova", GENERATED, HEADINGS, WIDTHS,
        List.of(List.of("1", "=cmd|' /C calc'!A0", "{\"a\":\"b;c\"}"), java.util.Arrays.asList("2", null, "è"))));

    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\"Registro; prova\"\r\nGenerato il;03/12/2026 08:30\r\nN.;Evento;Dettagli\r\n")
        .endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))
        .getRecords();
    assertThat(records).hasSize(5);
    assertThat(records.get(3).toList()).containsExactly("1", "'=cmd|' /C calc'!A0", "{\"a\":\"b;c\"}");
    assertThat(records.get(4).toList()).containsExactly("2", "", "è");
  }

  @Test
  void shouldWriteAPdfWhoseTableRunsOnAcrossPages() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(List.of(Integer.toString(i), "EVENTO_" + i, "{\"n\":" + i + "}"));
    }
    // a cell longer than a page, and characters Helvetica cannot show
    rows.add(List.of("121", "LUNGO", "parola ".repeat(3000) + "fine"));
    rows.add(List.of("122", "Città €", "Łódź 日本 ✓"));

    byte[] pdf = ExportFiles.pdf(new ExportFiles.Table("Registro di audit del percorso X", GENERATED, HEADINGS,
        WIDTHS, rows));

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(3);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isGreaterThan(document.getPage(0).getMediaBox()
          .getHeight());
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Registro di audit del percorso X", "Generato il 03/12/2026 08:30", "EVENTO_1",
          "EVENTO_120", "fine", "Città €", "?ódz ?? ?");
      // the headings on every page
      PDFTextStripper last = new PDFTextStripper();
      last.setStartPage(document.getNumberOfPages());
      last.setEndPage(document.getNumberOfPages());
      assertThat(last.getText(document)).contains("Dettagli", "Pagina " + document.getNumberOfPages());
    }
  }

  @Test
  void shouldDrawAPictureAmongTheRowsOnTheNextPageWhenThisOneIsTooShortWithTheHeadingsAfterIt() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      rows.add(List.of(Integer.toString(i), "EVENTO_" + i, ""));
    }
    float[] painted = new float[3];
    ExportFiles.Drawing drawing = new ExportFiles.Drawing(30, 300, (canvas, left, top, width) -> {
      painted[0] = left;
      painted[1] = top;
      painted[2] = width;
      canvas.content().addRect(left, top - 300, width, 300);
      canvas.content().fill();
      canvas.text(true, 10, left, top - 20, "Disegno di prova");
    });
    ExportFiles.Table table = new ExportFiles.Table("Registro", GENERATED, HEADINGS, WIDTHS, rows);

    org.erplab.pathways.support.PdfContent pdf = org.erplab.pathways.support.PdfContent.of(
        ExportFiles.pdf(table, List.of(drawing)));

    assertThat(pdf.filled()).hasSize(1);
    org.erplab.pathways.support.PdfContent.Shape shape = pdf.filled().get(0);
    assertThat(shape.page()).isEqualTo(2);
    assertThat(painted[2]).isEqualTo(ExportFiles.PDF_WIDTH);
    assertThat(shape.top()).isLessThan(595 - 36).isEqualTo(painted[1]);
    assertThat(pdf.lines(1)).contains("30 EVENTO_30").doesNotContain("31 EVENTO_31");
    // page 2: the picture at the top, then the headings and the rows from the 31st
    List<String> second = pdf.lines(2);
    assertThat(second.subList(0, 3)).containsExactly("Disegno di prova", "N. Evento Dettagli", "31 EVENTO_31");
    assertThat(second.stream().filter("N. Evento Dettagli"::equals)).hasSize(1);
    // the CSV has the rows only
    assertThat(new String(ExportFiles.csv(table), StandardCharsets.UTF_8)).doesNotContain("Disegno");
  }

  @Test
  void shouldSaySoWhenThereIsNothingToList() throws Exception {
    byte[] pdf = ExportFiles.pdf(new ExportFiles.Table("Elenco percorsi", GENERATED, HEADINGS, WIDTHS, List.of()));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Elenco percorsi", "Nessun elemento.");
    }
  }
}
