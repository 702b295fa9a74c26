package org.erplab.pathways.reporting.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.erplab.pathways.common.api.ExportFiles;
import org.erplab.pathways.reporting.domain.Indicators;

/**
 * A grouped horizontal bar chart of a report's published cells, drawn in the PDF with PDFBox's vector graphics (ADR
 * 0040): a group per item, a bar per series (all, lab, plan) side by side, the legend above and the scale below.
 *
 * <p>A bar is drawn from a published value only. A suppressed cell ("&lt;5", "n.d.") is written where its bar would
 * start, and so is a 0, so that the chart tells no more than the table beside it. The series go from dark to light,
 * the third hatched as well, so that they stay apart in grey print.
 */
final class BarChart implements ExportFiles.Painter {

  /** An item of the chart: its label and a cell per series. */
  record Item(String label, List<Indicators.Cell> cells) {}

  private static final float TITLE_SIZE = 10;
  private static final float TEXT_SIZE = 7;
  private static final float SMALL_SIZE = 6.5f;
  /** Title and legend above the plot. */
  private static final float HEAD = 36;
  /** Tick labels and the unit below the plot. */
  private static final float FOOT = 22;
  /** Room per bar; a chart of many items has thinner bars, to stay on one page. */
  private static final float SLOT = 8;
  /** The space between two items' groups of bars, as a share of a bar's room. */
  private static final float GAP = 0.75f;
  /** Room right of the longest bar for its number. */
  private static final float VALUE_ROOM = 40;
  private static final float SWATCH = 8;

  /** Fill of each series (RGB), dark to light: a dark blue, an orange, a light green that is also hatched. */
  private static final float[][] SHADES = {
      {0.18f, 0.35f, 0.53f}, {0.95f, 0.56f, 0.17f}, {0.71f, 0.86f, 0.66f}, {0.85f, 0.85f, 0.85f}};
  private static final float INK = 0.2f;
  private static final float GRID = 0.85f;

  private final String title;
  private final List<String> series;
  private final List<Item> items;
  private final String unit;
  private final float slot;

  /** {@code unit}: what the scale counts ("persone", "piani"). */
  BarChart(String title, List<String> series, List<Item> items, String unit) {
    this.title = title;
    this.series = List.copyOf(series);
    this.items = List.copyOf(items);
    this.unit = unit;
    float room = ExportFiles.PDF_HEIGHT - HEAD - FOOT;
    this.slot = Math.min(SLOT, room / Math.max(1, items.size() * (series.size() + GAP)));
  }

  /** How tall the chart is: within {@link ExportFiles#PDF_HEIGHT}, its bars thinner for many items. */
  float height() {
    return HEAD + items.size() * group() + FOOT;
  }

  /** The chart as a drawing of the PDF, above row {@code row} of the table. */
  ExportFiles.Drawing above(int row) {
    return new ExportFiles.Drawing(row, height(), this);
  }

  private float group() {
    return (series.size() + GAP) * slot;
  }

  @Override
  public void paint(ExportFiles.Canvas canvas, float left, float top, float width) throws IOException {
    PDPageContentStream content = canvas.content();
    content.setNonStrokingColor(0f);
    canvas.text(true, TITLE_SIZE, left, top - TITLE_SIZE, title);
    legend(canvas, left, top - 26);

    float labels = labelWidth(canvas, width);
    float plotLeft = left + labels;
    float plotWidth = width - labels - VALUE_ROOM;
    float plotTop = top - HEAD;
    float plotBottom = plotTop - items.size() * group();
    Scale scale = Scale.of(largest());
    axis(canvas, scale, plotLeft, plotWidth, plotTop, plotBottom);

    float textSize = Math.min(SMALL_SIZE, slot);
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      float groupTop = plotTop - i * group() - GAP * slot / 2;
      content.setNonStrokingColor(0f);
      itemLabel(canvas, item.label(), left, labels - 6, groupTop - series.size() * slot / 2, group());
      for (int s = 0; s < series.size() && s < item.cells().size(); s++) {
        Indicators.Cell cell = item.cells().get(s);
        float slotTop = groupTop - s * slot;
        float baseline = slotTop - slot / 2 - textSize * 0.35f;
        double value = published(cell);
        if (value > 0) {
          float length = (float) (value / scale.top() * plotWidth);
          bar(content, s, plotLeft, slotTop - slot + 0.5f, length, slot - 1);
          content.setNonStrokingColor(0f);
          canvas.text(false, textSize, plotLeft + length + 2, baseline, cell.shown());
        } else {
          // a 0, or a cell not published: its text, never a bar
          content.setNonStrokingColor(cell.suppressed() ? 0.3f : 0f);
          canvas.text(false, textSize, plotLeft + 2, baseline, cell.shown());
        }
      }
    }
    content.setNonStrokingColor(0f);
  }

  /** The cell's value if it is published, else 0: what a bar may be drawn from. */
  private static double published(Indicators.Cell cell) {
    return cell.suppressed() || cell.value() == null ? 0 : cell.value().doubleValue();
  }

  private double largest() {
    double largest = 0;
    for (Item item : items) {
      for (Indicators.Cell cell : item.cells()) {
        largest = Math.max(largest, published(cell));
      }
    }
    return largest;
  }

  private void legend(ExportFiles.Canvas canvas, float left, float baseline) throws IOException {
    float x = left;
    for (int s = 0; s < series.size(); s++) {
      bar(canvas.content(), s, x, baseline - 1, SWATCH, SWATCH);
      x += SWATCH + 3;
      canvas.content().setNonStrokingColor(0f);
      canvas.text(false, TEXT_SIZE, x, baseline, series.get(s));
      x += canvas.width(false, TEXT_SIZE, series.get(s)) + 12;
    }
    canvas.content().setNonStrokingColor(0.3f);
    canvas.text(false, SMALL_SIZE, x + 8, baseline,
        "I dati non pubblicati sono scritti al posto della barra (vedi la legenda).");
    canvas.content().setNonStrokingColor(0f);
  }

  /** The width of the items' labels: the longest, up to 30% of the chart. */
  private float labelWidth(ExportFiles.Canvas canvas, float width) throws IOException {
    float longest = 0;
    for (Item item : items) {
      longest = Math.max(longest, canvas.width(false, TEXT_SIZE, item.label()));
    }
    return Math.min(longest, width * 0.3f) + 8;
  }

  /**
   * The label right-aligned before its group, wrapped into the lines that fit in the group's {@code height} (the last
   * cut short with "..." if need be), centred on {@code middle}.
   */
  private void itemLabel(ExportFiles.Canvas canvas, String label, float left, float width, float middle,
      float height) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      String longer = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && canvas.width(false, TEXT_SIZE, longer) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    lines.add(line.toString());
    float leading = TEXT_SIZE + 1;
    int fit = Math.max(1, (int) (height / leading));
    if (lines.size() > fit) {
      lines = new ArrayList<>(lines.subList(0, fit));
      lines.set(fit - 1, lines.get(fit - 1) + "...");
    }
    float baseline = middle + (lines.size() - 1) * leading / 2 - TEXT_SIZE * 0.35f;
    for (String text : lines) {
      canvas.text(false, TEXT_SIZE, left + width - canvas.width(false, TEXT_SIZE, text), baseline, text);
      baseline -= leading;
    }
  }

  /** The scale's grid lines and numbers, the axes, and the unit. */
  private void axis(ExportFiles.Canvas canvas, Scale scale, float plotLeft, float plotWidth, float plotTop,
      float plotBottom) throws IOException {
    PDPageContentStream content = canvas.content();
    content.setLineWidth(0.3f);
    for (long tick = 0; tick <= scale.top(); tick += scale.step()) {
      float x = plotLeft + (float) tick / scale.top() * plotWidth;
      content.setStrokingColor(GRID);
      content.moveTo(x, plotTop);
      content.lineTo(x, plotBottom);
      content.stroke();
      String number = Long.toString(tick);
      canvas.text(false, SMALL_SIZE, x - canvas.width(false, SMALL_SIZE, number) / 2, plotBottom - 9, number);
    }
    content.setStrokingColor(INK);
    content.setLineWidth(0.6f);
    content.moveTo(plotLeft, plotTop);
    content.lineTo(plotLeft, plotBottom);
    content.lineTo(plotLeft + plotWidth, plotBottom);
    content.stroke();
    canvas.text(false, SMALL_SIZE, plotLeft + plotWidth - canvas.width(false, SMALL_SIZE, unit), plotBottom - 18,
        unit);
  }

  /** A bar (or a legend's swatch) of series {@code s}: its shade, outlined, hatched for the third. */
  private static void bar(PDPageContentStream content, int s, float x, float y, float width, float height)
      throws IOException {
    float[] shade = SHADES[s % SHADES.length];
    content.setNonStrokingColor(shade[0], shade[1], shade[2]);
    content.setStrokingColor(INK);
    content.setLineWidth(0.4f);
    content.addRect(x, y, width, height);
    content.fillAndStroke();
    if (s % SHADES.length >= 2) {
      content.saveGraphicsState();
      content.addRect(x, y, width, height);
      content.clip();
      content.setLineWidth(0.5f);
      for (float from = x - height; from < x + width; from += 3) {
        content.moveTo(from, y);
        content.lineTo(from + height, y + height);
      }
      content.stroke();
      content.restoreGraphicsState();
    }
  }

  /** The scale: a step of 1, 2 or 5 times a power of ten, about five steps up to the largest value or past it. */
  record Scale(long step, long top) {

    static Scale of(double largest) {
      long step = 1;
      while (step * 5 < largest) {
        step = nextStep(step);
      }
      long top = Math.max(step, (long) Math.ceil(largest / step) * step);
      return new Scale(step, top);
    }

    private static long nextStep(long step) {
      long power = 1;
      while (power * 10 <= step) {
        power *= 10;
      }
      long digit = step / power;
      return digit == 1 ? 2 * power : digit == 2 ? 5 * power : 10 * power;
    }
  }
}
