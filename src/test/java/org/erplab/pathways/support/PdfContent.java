package org.erplab.pathways.support;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a PDF shows, read back with PDFBox: each page's lines of text (sorted by position), its words with where they
 * stand, and every filled shape (the bounds of each part of a filled path, whatever operators drew it), all in points
 * from the page's bottom left.
 */
public final class PdfContent {

  /** A word on page {@code page} (from 1): from {@code x}, on {@code baseline}, {@code height} tall. */
  public record Word(int page, String text, float x, float baseline, float width, float height) {
    public float middle() {
      return baseline + height / 2;
    }
  }

  /** A filled shape's bounds on page {@code page} (from 1). */
  public record Shape(int page, double left, double bottom, double right, double top) {
    public double width() {
      return right - left;
    }
  }

  private final List<List<String>> lines = new ArrayList<>();
  private final List<Word> words = new ArrayList<>();
  private final List<Shape> filled = new ArrayList<>();
  private int images;

  private PdfContent() {}

  public static PdfContent of(byte[] pdf) {
    PdfContent content = new PdfContent();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= document.getNumberOfPages(); p++) {
        PDFTextStripper page = new PDFTextStripper();
        page.setSortByPosition(true);
        page.setStartPage(p);
        page.setEndPage(p);
        content.lines.add(page.getText(document).lines().map(String::strip).toList());
        new Shapes(document.getPage(p - 1), p, content).processPage(document.getPage(p - 1));
      }
      new Words(content).getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return content;
  }

  /** The lines of page {@code page} (from 1). */
  public List<String> lines(int page) {
    return lines.get(page - 1);
  }

  public int pages() {
    return lines.size();
  }

  public List<Word> words() {
    return words;
  }

  public List<Shape> filled() {
    return filled;
  }

  /** Images drawn: a chart drawn as a picture would hide its bars from {@link #filled()}. */
  public int images() {
    return images;
  }

  private static final class Words extends PDFTextStripper {

    private final PdfContent content;

    Words(PdfContent content) {
      this.content = content;
      setSortByPosition(true);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      if (text.isBlank() || positions.isEmpty()) {
        return;
      }
      TextPosition first = positions.get(0);
      TextPosition last = positions.get(positions.size() - 1);
      float height = 0;
      for (TextPosition p : positions) {
        height = Math.max(height, p.getHeightDir());
      }
      content.words.add(new Word(getCurrentPageNo(), text, first.getXDirAdj(),
          first.getPageHeight() - first.getYDirAdj(), last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj(),
          height));
    }
  }

  /** Collects the bounds of each part (rectangle or run of lines and curves) of every filled path. */
  private static final class Shapes extends PDFGraphicsStreamEngine {

    private final int page;
    private final PdfContent content;
    private final List<Rectangle2D> parts = new ArrayList<>();
    private Rectangle2D part;
    private final Point2D.Float current = new Point2D.Float();

    Shapes(PDPage pdfPage, int page, PdfContent content) {
      super(pdfPage);
      this.page = page;
      this.content = content;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      Rectangle2D rectangle = new Rectangle2D.Double(p0.getX(), p0.getY(), 0, 0);
      rectangle.add(p1);
      rectangle.add(p2);
      rectangle.add(p3);
      parts.add(rectangle);
      part = null;
      current.setLocation(p0);
    }

    @Override
    public void moveTo(float x, float y) {
      part = new Rectangle2D.Double(x, y, 0, 0);
      parts.add(part);
      current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
      extend(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      extend(x1, y1);
      extend(x2, y2);
      extend(x3, y3);
    }

    private void extend(float x, float y) {
      if (part == null) {
        moveTo((float) current.getX(), (float) current.getY());
      }
      part.add(x, y);
      current.setLocation(x, y);
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {
      part = null;
    }

    @Override
    public void endPath() {
      parts.clear();
      part = null;
    }

    @Override
    public void strokePath() {
      endPath();
    }

    @Override
    public void fillPath(int windingRule) {
      for (Rectangle2D r : parts) {
        if (r.getWidth() > 0 && r.getHeight() > 0) {
          content.filled.add(new Shape(page, r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY()));
        }
      }
      endPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {
      // the path that clips is ended by the next operator (n)
    }

    @Override
    public void drawImage(PDImage pdImage) {
      content.images++;
    }

    @Override
    public void shadingFill(COSName shadingName) {
      content.images++;
    }
  }
}
