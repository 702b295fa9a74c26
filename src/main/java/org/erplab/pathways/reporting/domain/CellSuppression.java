package org.erplab.pathways.reporting.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Small-cell suppression of published counts (issue 10, "Aggregated only"): a cell that describes fewer than
 * {@code threshold} people (1 to threshold - 1; an empty cell describes nobody and stays) is hidden, and so are as
 * many other cells as it takes for no hidden cell to be worked out from what is shown.
 *
 * <p>A table is a set of cells and the additive relations between them ({@code total = part + part + ...}: a row and
 * its total, a column and its total, the grand total). The published figures are known, the hidden ones unknown; the
 * rules, applied until nothing changes:
 * <ol>
 *   <li><b>primary</b>: every cell from 1 to threshold - 1 is hidden, totals included;
 *   <li><b>no lone cell</b>: a relation with hidden cells has at least two of them (one would be its total minus the
 *       rest);
 *   <li><b>no small group</b>: when a relation's total is shown, its hidden parts together (which that total reveals)
 *       describe at least {@code threshold} people, or all of its parts are hidden; and when they are all small cells
 *       (published as "fewer than threshold"), they do not add up to their most (n cells of threshold - 1 each: all
 *       known);
 *   <li><b>nothing solvable</b>: no hidden cell is a linear combination of the relations over the shown cells (two
 *       relations can pin a cell that each leaves open: a row and a column crossing); checked by Gaussian elimination.
 * </ol>
 * Each time, the cell added is the smallest non-empty shown part of the relation concerned (least information lost),
 * an empty one when there is none, its total as a last resort. Tables here are small (tens of cells): the check is
 * exact enough with doubles, and cheap.
 */
public final class CellSuppression {

  private static final double EPSILON = 1e-9;

  private CellSuppression() {}

  /** A relation: the cell {@code total} equals the sum of the cells {@code parts}. */
  public record Relation(int total, int[] parts) {}

  /** Which cells to hide, given their values and relations. */
  public static BitSet hidden(long[] values, List<Relation> relations, int threshold) {
    BitSet hidden = new BitSet(values.length);
    for (int i = 0; i < values.length; i++) {
      if (small(values[i], threshold)) {
        hidden.set(i);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation r : relations) {
        changed |= protect(values, r, hidden, threshold);
      }
      if (!changed) {
        changed = unsolvable(values, relations, hidden);
      }
    }
    return hidden;
  }

  /** Rules 2 and 3 for one relation: hides one more cell when needed, and says whether it did. */
  private static boolean protect(long[] values, Relation r, BitSet hidden, int threshold) {
    int count = hidden.get(r.total()) ? 1 : 0;
    long partsHidden = 0;
    int partsShown = 0;
    int smallParts = 0;
    for (int p : r.parts()) {
      if (hidden.get(p)) {
        count++;
        partsHidden += values[p];
        smallParts += small(values[p], threshold) ? 1 : 0;
      } else {
        partsShown++;
      }
    }
    boolean lone = count == 1;
    boolean totalShown = !hidden.get(r.total());
    boolean smallGroup = totalShown && count > 0 && partsShown > 0 && partsHidden < threshold;
    // small cells are published as "fewer than threshold": n of them adding up to n * (threshold - 1) are all known
    boolean pinned = totalShown && count > 0 && partsShown > 0 && smallParts == count
        && partsHidden == (long) count * (threshold - 1);
    if (!lone && !smallGroup && !pinned) {
      return false;
    }
    hideOneMore(values, r, hidden);
    return true;
  }

  /** Whether a count is small: it describes someone, and fewer people than the threshold. */
  public static boolean small(long value, int threshold) {
    return value > 0 && value < threshold;
  }

  /** Hides the smallest non-empty shown part, else an empty one, else the total. */
  private static void hideOneMore(long[] values, Relation r, BitSet hidden) {
    int best = -1;
    for (int p : r.parts()) {
      if (!hidden.get(p) && (best < 0 || better(values[p], values[best]))) {
        best = p;
      }
    }
    hidden.set(best >= 0 ? best : r.total());
  }

  private static boolean better(long candidate, long current) {
    if ((candidate > 0) != (current > 0)) {
      return candidate > 0;
    }
    return candidate < current;
  }

  /**
   * Rule 4: when a hidden cell can be solved from the relations, hides one more cell of a relation it is in, and says
   * so. A cell is solvable when its unit vector lies in the row space of the relations restricted to hidden cells.
   */
  private static boolean unsolvable(long[] values, List<Relation> relations, BitSet hidden) {
    int[] column = new int[values.length];
    int unknowns = 0;
    for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
      column[i] = unknowns++;
    }
    if (unknowns == 0) {
      return false;
    }
    List<double[]> rows = new ArrayList<>();
    for (Relation r : relations) {
      double[] row = new double[unknowns];
      boolean any = false;
      if (hidden.get(r.total())) {
        row[column[r.total()]] = 1;
        any = true;
      }
      for (int p : r.parts()) {
        if (hidden.get(p)) {
          row[column[p]] -= 1;
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    double[][] basis = echelon(rows, unknowns);
    for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
      if (inRowSpace(basis, column[i], unknowns)) {
        for (Relation r : relations) {
          if (r.total() == i || contains(r.parts(), i)) {
            if (hasShown(r, hidden)) {
              hideOneMore(values, r, hidden);
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean hasShown(Relation r, BitSet hidden) {
    if (!hidden.get(r.total())) {
      return true;
    }
    for (int p : r.parts()) {
      if (!hidden.get(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] cells, int cell) {
    for (int c : cells) {
      if (c == cell) {
        return true;
      }
    }
    return false;
  }

  /** The rows reduced to reduced row echelon form (each pivot 1, alone in its column); zero rows dropped. */
  private static double[][] echelon(List<double[]> rows, int width) {
    double[][] m = rows.toArray(new double[0][]);
    int rank = 0;
    for (int col = 0; col < width && rank < m.length; col++) {
      int pivot = -1;
      for (int r = rank; r < m.length; r++) {
        if (Math.abs(m[r][col]) > EPSILON && (pivot < 0 || Math.abs(m[r][col]) > Math.abs(m[pivot][col]))) {
          pivot = r;
        }
      }
      if (pivot < 0) {
        continue;
      }
      double[] swap = m[rank];
      m[rank] = m[pivot];
      m[pivot] = swap;
      double scale = m[rank][col];
      for (int c = 0; c < width; c++) {
        m[rank][c] /= scale;
      }
      for (int r = 0; r < m.length; r++) {
        if (r != rank && Math.abs(m[r][col]) > EPSILON) {
          double factor = m[r][col];
          for (int c = 0; c < width; c++) {
            m[r][c] -= factor * m[rank][c];
          }
        }
      }
      rank++;
    }
    double[][] basis = new double[rank][];
    System.arraycopy(m, 0, basis, 0, rank);
    return basis;
  }

  /** Whether the unit vector of {@code unknown} is a combination of the (reduced) basis rows. */
  private static boolean inRowSpace(double[][] basis, int unknown, int width) {
    double[] v = new double[width];
    v[unknown] = 1;
    for (double[] row : basis) {
      int pivot = 0;
      while (pivot < width && Math.abs(row[pivot]) <= EPSILON) {
        pivot++;
      }
      if (pivot < width && Math.abs(v[pivot]) > EPSILON) {
        double factor = v[pivot];
        for (int c = 0; c < width; c++) {
          v[c] -= factor * row[c];
        }
      }
    }
    for (double x : v) {
      if (Math.abs(x) > EPSILON) {
        return false;
      }
    }
    return true;
  }

  /**
   * A two-way table of counts with its margins, as cells and relations: the {@code rows × columns} inner cells row by
   * row, then the row totals, the column totals and the grand total.
   */
  public static final class TwoWay {

    private final int rows;
    private final int columns;
    private final long[] values;
    private final List<Relation> relations = new ArrayList<>();

    public TwoWay(long[][] counts) {
      this.rows = counts.length;
      this.columns = rows == 0 ? 0 : counts[0].length;
      this.values = new long[rows * columns + rows + columns + 1];
      long grand = 0;
      for (int r = 0; r < rows; r++) {
        int[] parts = new int[columns];
        for (int c = 0; c < columns; c++) {
          values[cell(r, c)] = counts[r][c];
          values[rowTotal(r)] += counts[r][c];
          values[columnTotal(c)] += counts[r][c];
          grand += counts[r][c];
          parts[c] = cell(r, c);
        }
        relations.add(new Relation(rowTotal(r), parts));
      }
      values[grandTotal()] = grand;
      for (int c = 0; c < columns; c++) {
        int[] parts = new int[rows];
        for (int r = 0; r < rows; r++) {
          parts[r] = cell(r, c);
        }
        relations.add(new Relation(columnTotal(c), parts));
      }
      int[] rowTotals = new int[rows];
      for (int r = 0; r < rows; r++) {
        rowTotals[r] = rowTotal(r);
      }
      int[] columnTotals = new int[columns];
      for (int c = 0; c < columns; c++) {
        columnTotals[c] = columnTotal(c);
      }
      relations.add(new Relation(grandTotal(), rowTotals));
      if (rows > 1 || columns > 1) {
        relations.add(new Relation(grandTotal(), columnTotals));
      }
    }

    public int cell(int row, int column) {
      return row * columns + column;
    }

    public int rowTotal(int row) {
      return rows * columns + row;
    }

    public int columnTotal(int column) {
      return rows * columns + rows + column;
    }

    public int grandTotal() {
      return rows * columns + rows + columns;
    }

    public long[] values() {
      return values.clone();
    }

    public List<Relation> relations() {
      return List.copyOf(relations);
    }

    /** The cells to hide at that threshold. */
    public BitSet hidden(int threshold) {
      return CellSuppression.hidden(values, relations, threshold);
    }
  }
}
