package org.erplab.pathways.common.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Exports as files (audit exports, ADR 0037; reports, ADR 0040): a table with a title, the time it was generated (Europe/Rome) and Italian
 * headings, as CSV for Excel (UTF-8 with a byte order mark, {@code ;} between cells, CRLF at the end of each line,
 * cells that a spreadsheet would take for a formula neutralised) or as an A4 landscape PDF whose table runs on as many
 * pages as it needs, the headings repeated on each; the PDF may draw pictures (charts) between the table's rows.
 */
public final class ExportFiles {

  /** How people read the time a file was generated. */
  public static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  /** How people read an event's or a pathway's time in a file. */
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private static final char BOM = '\uFEFF';
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
      .setDelimiter(';')
      .setRecordSeparator("\r\n")
      .setQuoteMode(QuoteMode.MINIMAL)
      .get();

  /**
   * What a file holds: a title, when it was generated, the headings, and the rows (each a cell per heading, null for
   * none); {@code widths}: each column's share of the PDF page's width.
   */
  public record Table(String title, OffsetDateTime generatedAt, List<String> headings, float[] widths,
      List<List<String>> rows) {}

  /**
   * A picture the PDF draws across the page's usable width ({@link #PDF_WIDTH}) above row {@code beforeRow} of the
   * table (the number of rows: after the last), {@code height} points tall, at most {@link #PDF_HEIGHT}; on the next
   * page when the rest of this one is too short. The CSV and the XLSX leave it out.
   */
  public record Drawing(int beforeRow, float height, Painter painter) {}

  /** Draws a picture in its box: from {@code left} and {@code top} (points from the page's bottom left), down. */
  @FunctionalInterface
  public interface Painter {
    void paint(Canvas canvas, float left, float top, float width) throws IOException;
  }

  /** The page a picture is drawn on: its content stream for shapes, and text in the files' fonts. */
  public static final class Canvas {

    private final PDPageContentStream content;

    private Canvas(PDPageContentStream content) {
      this.content = content;
    }

    /** Where shapes and colours go; text goes through {@link #text}. */
    public PDPageContentStream content() {
      return content;
    }

    /** Text in Helvetica (bold or not) from {@code x} on {@code baseline}, what WinAnsi lacks replaced. */
    public void text(boolean bold, float size, float x, float baseline, String text) throws IOException {
      PDType1Font font = bold ? BOLD : REGULAR;
      show(content, font, size, x, baseline, winAnsi(text, font));
    }

    /** How wide {@link #text} draws the text. */
    public float width(boolean bold, float size, String text) throws IOException {
      PDType1Font font = bold ? BOLD : REGULAR;
      return font.getStringWidth(winAnsi(text, font)) / 1000 * size;
    }
  }

  private ExportFiles() {}

  /** "Generato il dd/MM/yyyy HH:mm", in Europe/Rome. */
  public static String generatedLine(OffsetDateTime at) {
    return "Generato il " + GENERATED.format(at.atZoneSameInstant(EngineClock.ZONE));
  }

  /** A time as the files show it, in Europe/Rome; empty for none. */
  public static String dateTime(OffsetDateTime at) {
    return at == null ? "" : DATE_TIME.format(at.atZoneSameInstant(EngineClock.ZONE));
  }

  /** The CSV's media type: UTF-8 text. */
  public static final MediaType CSV_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The table as a download: {@code name}.pdf or {@code name}.csv, as an attachment. */
  public static ResponseEntity<byte[]> attachment(Table table, boolean pdf, String name) {
    return attachment(table, pdf ? "pdf" : "csv", name);
  }

  /** The XLSX media type. */
  public static final MediaType XLSX_TYPE =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** The table as a download in {@code format} (csv, pdf or xlsx): {@code name}.{@code format}, as an attachment. */
  public static ResponseEntity<byte[]> attachment(Table table, String format, String name) {
    return attachment(table, List.of(), format, name);
  }

  /** The same, the PDF with {@code drawings} among the table's rows (the CSV and the XLSX have the table only). */
  public static ResponseEntity<byte[]> attachment(Table table, List<Drawing> drawings, String format, String name) {
    return switch (format) {
      case "pdf" -> attachment(pdf(table, drawings), MediaType.APPLICATION_PDF, name + ".pdf");
      case "xlsx" -> attachment(xlsx(table), XLSX_TYPE, name + ".xlsx");
      default -> attachment(csv(table), CSV_TYPE, name + ".csv");
    };
  }

  private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  // ------------------------------------------------------------------------------------------------------------ XLSX

  /** A plain number as the files print it (12, 2400.00, 47.1): written to a spreadsheet as a number. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");

  /**
   * The table as one XLSX sheet: the title and "Generato il" on the first two rows, the headings (bold) on the
   * fourth, then a row per row; cells that are plain numbers are numbers (a spreadsheet sums them), the others text
   * ("<5" and "n.d." stay as published).
   */
  public static byte[] xlsx(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(bytes, "erp-pathways", "1.0");
      org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Dati");
      sheet.value(0, 0, table.title());
      sheet.style(0, 0).bold().set();
      sheet.value(1, 0, generatedLine(table.generatedAt()));
      for (int c = 0; c < table.headings().size(); c++) {
        sheet.value(3, c, table.headings().get(c));
        sheet.style(3, c).bold().set();
      }
      int r = 4;
      for (List<String> row : table.rows()) {
        for (int c = 0; c < row.size(); c++) {
          String cell = row.get(c);
          if (cell == null || cell.isEmpty()) {
            continue;
          }
          if (NUMBER.matcher(cell).matches()) {
            sheet.value(r, c, new java.math.BigDecimal(cell));
          } else {
            sheet.value(r, c, cell);
          }
        }
        r++;
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  // ------------------------------------------------------------------------------------------------------------- CSV

  /**
   * The table as CSV: the title on the first line, "Generato il;dd/MM/yyyy HH:mm" on the second, then the headings and
   * one line per row.
   */
  public static byte[] csv(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSV)) {
      writer.write(BOM);
      printer.printRecord(neutralised(table.title()));
      printer.printRecord("Generato il", GENERATED.format(table.generatedAt().atZoneSameInstant(EngineClock.ZONE)));
      printer.printRecord(table.headings().stream().map(ExportFiles::neutralised).toList());
      for (List<String> row : table.rows()) {
        printer.printRecord(row.stream().map(ExportFiles::neutralised).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The cell as a spreadsheet should show it: a value starting with {@code = + - @}, a tab or a carriage return would
   * be read as a formula (CSV injection), so it gets a leading apostrophe, which Excel and LibreOffice show as text.
   */
  static String neutralised(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }

  // ------------------------------------------------------------------------------------------------------------- PDF

  private static final float MARGIN = 36;
  private static final float TITLE_SIZE = 14;
  private static final float TEXT_SIZE = 7;
  private static final float LEADING = 8.5f;
  private static final float PADDING = 2;
  // the standard fonts, not embedded: one instance each (each new one looks for a system font to draw with)
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  /** The width a drawing has in the PDF: the page's, less the margins. */
  public static final float PDF_WIDTH = PAGE.getWidth() - 2 * MARGIN;
  /** The tallest a drawing may be: a page less its margins and a line of headings above. */
  public static final float PDF_HEIGHT = PAGE.getHeight() - 2 * MARGIN - 2 * LEADING;
  /** The space left above a drawing. */
  private static final float DRAWING_GAP = 10;

  /** The table as a PDF: A4 landscape, Helvetica (WinAnsi: what the font cannot show becomes "?"), page numbers. */
  public static byte[] pdf(Table table) {
    return pdf(table, List.of());
  }

  /** The same, with {@code drawings} among the rows, the headings repeated after each. */
  public static byte[] pdf(Table table, List<Drawing> drawings) {
    try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      new PdfTable(document, table, drawings).write();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text (WinAnsi already) from {@code x} on {@code baseline}; nothing for none. */
  private static void show(PDPageContentStream content, PDType1Font font, float size, float x, float baseline,
      String text) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(text);
    content.endText();
  }

  /** Text the standard fonts can encode (WinAnsi): control characters as spaces, accents kept where the font has them. */
  static String winAnsi(String text, PDType1Font font) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        safe.append(' ');
      } else if (encodable(font, c)) {
        safe.appendCodePoint(c);
      } else {
        // a letter with a mark the font lacks: its base letter when the font has that, otherwise "?"
        String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
        safe.append(base.length() == 1 && encodable(font, base.charAt(0)) ? base : "?");
      }
    });
    return safe.toString();
  }

  private static final Map<Integer, Boolean> ENCODABLE = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean encodable(PDType1Font font, int codePoint) {
    return ENCODABLE.computeIfAbsent(codePoint, c -> {
      try {
        font.encode(new String(Character.toChars(c)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    });
  }

  /** Writes the table's pages. */
  private static final class PdfTable {

    private final PDDocument document;
    private final Table table;
    private final PDType1Font regular = REGULAR;
    private final PDType1Font bold = BOLD;
    private final PDRectangle size = PAGE;
    private final List<Drawing> drawings;
    private final float[] columns;
    private final Map<String, Float> widths = new HashMap<>();
    private PDPageContentStream content;
    private float y;
    private int pages;
    // the headings go above the next row: at the top of a page, and after a drawing
    private boolean headingsDue;
    // nothing drawn on this page below its title yet
    private boolean pageEmpty;

    PdfTable(PDDocument document, Table table, List<Drawing> drawings) {
      this.document = document;
      this.table = table;
      this.drawings = drawings.stream().sorted(java.util.Comparator.comparingInt(Drawing::beforeRow)).toList();
      float total = 0;
      for (float w : table.widths()) {
        total += w;
      }
      float usable = size.getWidth() - 2 * MARGIN;
      columns = new float[table.widths().length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = usable * table.widths()[i] / total;
      }
    }

    void write() throws IOException {
      newPage(true);
      int next = 0;
      for (int r = 0; r <= table.rows().size(); r++) {
        while (next < drawings.size() && drawings.get(next).beforeRow() <= r) {
          draw(drawings.get(next++));
        }
        if (r < table.rows().size()) {
          row(table.rows().get(r), regular);
        }
      }
      if (table.rows().isEmpty()) {
        row(table.headings(), bold);
        text(regular, TEXT_SIZE, MARGIN, y - LEADING, "Nessun elemento.");
      }
      content.close();
    }

    /** The drawing below what is on the page, or at the top of the next one; the headings again after it. */
    private void draw(Drawing drawing) throws IOException {
      float height = Math.min(drawing.height(), PDF_HEIGHT);
      if (y - DRAWING_GAP - height < MARGIN && !pageEmpty) {
        newPage(false);
      }
      y -= DRAWING_GAP;
      content.saveGraphicsState();
      drawing.painter().paint(new Canvas(content), MARGIN, y, PDF_WIDTH);
      content.restoreGraphicsState();
      y -= height;
      headingsDue = true;
      pageEmpty = false;
    }

    private void newPage(boolean first) throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(size);
      document.addPage(page);
      pages++;
      content = new PDPageContentStream(document, page);
      y = size.getHeight() - MARGIN;
      if (first) {
        text(bold, TITLE_SIZE, MARGIN, y - TITLE_SIZE, winAnsi(table.title(), bold));
        y -= TITLE_SIZE + 6;
        text(regular, 9, MARGIN, y - 9, generatedLine(table.generatedAt()));
        y -= 9 + 10;
      }
      text(regular, TEXT_SIZE, size.getWidth() - MARGIN - 40, MARGIN / 2, "Pagina " + pages);
      headingsDue = true;
      pageEmpty = true;
    }

    /**
     * A row of cells, each wrapped to its column, below the headings when they are due; a row taller than what is left
     * of the page goes on.
     */
    private void row(List<String> cells, PDType1Font font) throws IOException {
      boolean headings = cells == table.headings();
      if (!headings && headingsDue) {
        if (y - MARGIN < 4 * LEADING) {
          newPage(false);
        }
        row(table.headings(), bold);
      }
      List<List<String>> lines = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < columns.length; i++) {
        String cell = i < cells.size() ? cells.get(i) : null;
        List<String> wrapped = wrap(winAnsi(cell, font), font, columns[i] - 2 * PADDING);
        lines.add(wrapped);
        height = Math.max(height, wrapped.size());
      }
      int fullPage = (int) ((size.getHeight() - 2 * MARGIN - 3 * LEADING) / LEADING);
      int done = 0;
      while (done < height) {
        int fits = (int) ((y - MARGIN - 2 * PADDING) / LEADING);
        int left = height - done;
        if (fits <= 0 || (left > fits && left <= fullPage && done == 0)) {
          newPage(false);
          if (!headings) {
            row(table.headings(), bold);
          }
          continue;
        }
        int chunk = Math.min(left, fits);
        float x = MARGIN;
        for (int i = 0; i < columns.length; i++) {
          List<String> column = lines.get(i);
          for (int l = done; l < Math.min(column.size(), done + chunk); l++) {
            text(font, TEXT_SIZE, x + PADDING, y - PADDING - (l - done + 1) * LEADING + 2, column.get(l));
          }
          x += columns[i];
        }
        y -= chunk * LEADING + 2 * PADDING;
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y);
        content.lineTo(size.getWidth() - MARGIN, y);
        content.stroke();
        done += chunk;
        pageEmpty = false;
        headingsDue &= !headings;
      }
    }

    private void text(PDType1Font font, float fontSize, float x, float baseline, String text) throws IOException {
      show(content, font, fontSize, x, baseline, text);
    }

    /** The text in lines no wider than {@code width}: broken between words, and inside a word longer than a line. */
    private List<String> wrap(String text, PDType1Font font, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        for (int i = 0; i < word.length(); i++) {
          if (width(line.toString() + word.charAt(i), font) > width && !line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
          }
          line.append(word.charAt(i));
        }
      }
      if (!line.isEmpty() || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    private float width(String text, PDType1Font font) throws IOException {
      if (text.length() > 1) {
        float sum = 0;
        for (int i = 0; i < text.length(); i++) {
          sum += width(String.valueOf(text.charAt(i)), font);
        }
        return sum;
      }
      String key = (font == bold ? "b" : "r") + text;
      Float cached = widths.get(key);
      if (cached == null) {
        cached = font.getStringWidth(text) / 1000 * TEXT_SIZE;
        widths.put(key, cached);
      }
      return cached;
    }
  }
}
