package org.erplab.pathways.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression checked the way an intruder would attack it: every integer table that agrees with what is
 * shown is enumerated, and each hidden cell must take at least two values among them (nothing recovered exactly), and
 * no shown total may reveal a group of hidden cells smaller than the threshold.
 */
class CellSuppressionTest {

  private static final int THRESHOLD = 5;

  @Test
  void shouldHideTheSmallCellsAndEnoughOthersThatNoneCanBeWorkedOut() {
    // a crafted table: 3 and 2 are small, in different rows and columns
    long[][] counts = {{12, 3, 20}, {7, 15, 9}, {2, 30, 11}};
    CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
    BitSet hidden = table.hidden(THRESHOLD);

    assertThat(hidden.get(table.cell(0, 1))).isTrue();
    assertThat(hidden.get(table.cell(2, 0))).isTrue();
    // each row and column with a small cell hides a second one
    assertThat(hidden.cardinality()).isGreaterThanOrEqualTo(4);
    // the margins stay: nothing small in them
    assertThat(hidden.get(table.grandTotal())).isFalse();
    assertSafe(counts, table, hidden);
  }

  @Test
  void shouldLeaveATableWithNoSmallCellAlone() {
    long[][] counts = {{12, 0, 20}, {7, 15, 9}};
    assertThat(new CellSuppression.TwoWay(counts).hidden(THRESHOLD).isEmpty()).isTrue();
  }

  @Test
  void shouldHideASmallTotalAndWhatWouldGiveItAway() {
    // a row of 4 people: its total is small, and so are its cells
    long[][] counts = {{1, 3, 0}, {17, 15, 9}, {22, 30, 11}};
    CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
    BitSet hidden = table.hidden(THRESHOLD);
    assertThat(hidden.get(table.rowTotal(0))).isTrue();
    assertSafe(counts, table, hidden);
  }

  @Test
  void shouldNotLetTwoHiddenCellsOfASmallGroupBeShownByTheirTotal() {
    // 1 + 2 hidden in a row whose total is 30: the total minus the rest says the two together are 3
    long[][] counts = {{1, 2, 27}, {10, 10, 10}};
    CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
    BitSet hidden = table.hidden(THRESHOLD);
    assertThat(hidden.get(table.cell(0, 2)) || hidden.get(table.rowTotal(0))).isTrue();
    assertSafe(counts, table, hidden);
  }

  @Test
  void shouldProtectAOneWayDistribution() {
    // gender: F 40, M 3, not stated 0, total 43
    long[][] counts = {{40}, {3}, {0}};
    CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
    BitSet hidden = table.hidden(THRESHOLD);
    assertThat(hidden.get(table.cell(1, 0))).isTrue();
    assertThat(hidden.get(table.cell(0, 0))).as("the only other non-empty cell goes too").isTrue();
    assertSafe(counts, table, hidden);
  }

  @Test
  void shouldKeepEveryRandomSmallTableSafe() {
    Random random = new Random(20261203L);
    for (int n = 0; n < 300; n++) {
      int rows = 2 + random.nextInt(2);
      int columns = 2 + random.nextInt(2);
      long[][] counts = new long[rows][columns];
      for (long[] row : counts) {
        for (int c = 0; c < columns; c++) {
          row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(14);
        }
      }
      CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
      assertSafe(counts, table, table.hidden(THRESHOLD));
    }
  }

  @Test
  void shouldHideMoreWhenRelationsTogetherPinACellThatEachLeavesOpen() {
    // x + y = 13, y + z = 20, x + z = 13: each relation hides two cells, yet x = (13 - 20 + 13) / 2
    long[] values = {3, 10, 10, 13, 20, 13};
    List<CellSuppression.Relation> relations = List.of(new CellSuppression.Relation(3, new int[] {0, 1}),
        new CellSuppression.Relation(4, new int[] {1, 2}), new CellSuppression.Relation(5, new int[] {0, 2}));
    BitSet hidden = CellSuppression.hidden(values, relations, THRESHOLD);
    assertThat(hidden.get(0)).isTrue();
    java.util.Set<Long> xs = new java.util.TreeSet<>();
    for (long x = 0; x <= 40; x++) {
      for (long y = 0; y <= 40; y++) {
        for (long z = 0; z <= 40; z++) {
          long[] candidate = {x, y, z, x + y, y + z, x + z};
          boolean agrees = true;
          for (int i = 0; i < values.length; i++) {
            agrees &= hidden.get(i) || candidate[i] == values[i];
          }
          if (agrees) {
            xs.add(x);
          }
        }
      }
    }
    assertThat(xs).as("values x can take, hidden %s", hidden).contains(3L).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldNotLetSmallCellsAddUpToTheirMost() {
    // 4 + 4 + 20 = 28: two cells published as "<5" that add up to 8 are both 4
    long[] values = {4, 4, 20, 28};
    BitSet hidden = CellSuppression.hidden(values, List.of(new CellSuppression.Relation(3, new int[] {0, 1, 2})),
        THRESHOLD);
    assertThat(hidden.get(0) && hidden.get(1)).isTrue();
    assertThat(hidden.get(2)).as("the 20 goes too").isTrue();
    assertThat(hidden.get(3)).isFalse();
    // 3 + 4: 7 is not their most, each may be 3 or 4
    long[] other = {3, 4, 20, 27};
    assertThat(CellSuppression.hidden(other, List.of(new CellSuppression.Relation(3, new int[] {0, 1, 2})),
        THRESHOLD).get(2)).isFalse();
  }

  @Test
  void shouldMoveWithTheThreshold() {
    long[][] counts = {{12, 8, 20}, {7, 15, 9}};
    assertThat(new CellSuppression.TwoWay(counts).hidden(5).isEmpty()).isTrue();
    CellSuppression.TwoWay table = new CellSuppression.TwoWay(counts);
    BitSet at10 = table.hidden(10);
    assertThat(at10.get(table.cell(0, 1))).isTrue();
    assertThat(at10.get(table.cell(1, 0))).isTrue();
    assertSafe(counts, table, at10);
  }

  // ------------------------------------------------------------------ the intruder

  private static void assertSafe(long[][] counts, CellSuppression.TwoWay table, BitSet hidden) {
    long[] values = table.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0 && values[i] < THRESHOLD) {
        assertThat(hidden.get(i)).as("small cell %d of %s", i, java.util.Arrays.deepToString(counts)).isTrue();
      }
    }
    int rows = counts.length;
    int columns = counts[0].length;
    long bound = values[table.grandTotal()];
    for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
      int cell = i;
      // the hidden cells of the inner table, this cell's row and column first, so that a wrong value is cut early
      List<int[]> unknown = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          if (hidden.get(table.cell(r, c))) {
            unknown.add(new int[] {r, c});
          }
        }
      }
      unknown.sort(java.util.Comparator.comparingInt(rc -> table.cell(rc[0], rc[1]) == cell ? 0
          : touches(table, cell, rc[0], rc[1]) ? 1 : 2));
      long[][] guess = new long[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          guess[r][c] = hidden.get(table.cell(r, c)) ? -1 : counts[r][c];
        }
      }
      long skipFirst = !unknown.isEmpty() && table.cell(unknown.get(0)[0], unknown.get(0)[1]) == cell ? values[cell] : -1;
      boolean other = exists(table, hidden, values, guess, unknown, 0, bound, skipFirst,
          candidate -> candidate[cell] != values[cell]);
      assertThat(other).as("hidden cell %d of %s (hidden %s) can take another value", i,
          java.util.Arrays.deepToString(counts), hidden).isTrue();
    }
    // a shown total never reveals a small group of hidden parts
    for (CellSuppression.Relation r : table.relations()) {
      if (hidden.get(r.total())) {
        continue;
      }
      long partsHidden = 0;
      int count = 0;
      int shown = 0;
      for (int p : r.parts()) {
        if (hidden.get(p)) {
          partsHidden += values[p];
          count++;
        } else {
          shown++;
        }
      }
      if (count > 0 && shown > 0) {
        assertThat(partsHidden).as("hidden group of %s", java.util.Arrays.deepToString(counts))
            .isGreaterThanOrEqualTo(THRESHOLD);
      }
    }
  }

  /** Whether the cell lies in, or is the total of, row {@code r} or column {@code c}. */
  private static boolean touches(CellSuppression.TwoWay table, int cell, int r, int c) {
    return cell == table.cell(r, c) || cell == table.rowTotal(r) || cell == table.columnTotal(c)
        || cell == table.grandTotal();
  }

  /** Whether some non-negative integer table agreeing with the shown cells satisfies {@code wanted}. */
  private static boolean exists(CellSuppression.TwoWay table, BitSet hidden, long[] values, long[][] guess,
      List<int[]> unknown, int next, long bound, long skipFirst, java.util.function.Predicate<long[]> wanted) {
    if (next == unknown.size()) {
      long[] candidate = new long[values.length];
      int rows = guess.length;
      int columns = guess[0].length;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          candidate[table.cell(r, c)] = guess[r][c];
          candidate[table.rowTotal(r)] += guess[r][c];
          candidate[table.columnTotal(c)] += guess[r][c];
          candidate[table.grandTotal()] += guess[r][c];
        }
      }
      for (int i = 0; i < values.length; i++) {
        if (!hidden.get(i) && candidate[i] != values[i]) {
          return false;
        }
      }
      return wanted.test(candidate);
    }
    int[] at = unknown.get(next);
    try {
      for (long v = 0; v <= bound; v++) {
        guess[at[0]][at[1]] = v;
        if (next == 0 && v == skipFirst) {
          continue; // the first unknown is the cell asked about: its true value is not another value
        }
        if (partialFits(table, hidden, values, guess)
            && exists(table, hidden, values, guess, unknown, next + 1, bound, skipFirst, wanted)) {
          return true;
        }
      }
      return false;
    } finally {
      guess[at[0]][at[1]] = -1;
    }
  }

  /** No shown row or column total is exceeded, and a complete row or column equals its shown total. */
  private static boolean partialFits(CellSuppression.TwoWay table, BitSet hidden, long[] values, long[][] guess) {
    int rows = guess.length;
    int columns = guess[0].length;
    for (int r = 0; r < rows; r++) {
      long sum = 0;
      boolean complete = true;
      for (int c = 0; c < columns; c++) {
        if (guess[r][c] < 0) {
          complete = false;
        } else {
          sum += guess[r][c];
        }
      }
      if (!hidden.get(table.rowTotal(r)) && (sum > values[table.rowTotal(r)]
          || complete && sum != values[table.rowTotal(r)])) {
        return false;
      }
    }
    for (int c = 0; c < columns; c++) {
      long sum = 0;
      boolean complete = true;
      for (int r = 0; r < rows; r++) {
        if (guess[r][c] < 0) {
          complete = false;
        } else {
          sum += guess[r][c];
        }
      }
      if (!hidden.get(table.columnTotal(c)) && (sum > values[table.columnTotal(c)]
          || complete && sum != values[table.columnTotal(c)])) {
        return false;
      }
    }
    return true;
  }

}
