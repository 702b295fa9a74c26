package org.erplab.pathways.pathway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import org.erplab.pathways.pathway.domain.OtherEnrolments.OtherEnrolment;
import org.junit.jupiter.api.Test;

/** What the CPI reads of the person's other pathways: project, stage, status, month of closure. */
class OtherEnrolmentsTest {

  private static final OtherEnrolment OPEN = new OtherEnrolment("BOLLATE", "ASSESSMENT", "ACTIVE", null);
  private static final OtherEnrolment CLOSED =
      new OtherEnrolment("LORENTEGGIO", "CLOSED", "CLOSED", YearMonth.of(2026, 5));
  private static final OtherEnrolment CLOSED_WHERE_IT_STOOD =
      new OtherEnrolment("LORENTEGGIO", "INTAKE", "CLOSED", YearMonth.of(2026, 9));

  @Test
  void shouldSayWhereEachPathwayStands() {
    assertThat(OtherEnrolments.summary(List.of(OPEN, CLOSED, CLOSED_WHERE_IT_STOOD)))
        .isEqualTo("BOLLATE: ASSESSMENT (ACTIVE); LORENTEGGIO: CLOSED 2026-05; LORENTEGGIO: INTAKE (CLOSED 2026-09)");
  }

  @Test
  void shouldSayNothingForNoPathway() {
    assertThat(OtherEnrolments.summary(List.of())).isEmpty();
  }

  @Test
  void shouldCountThePathwaysBeyondTheFirstTen() {
    String summary = OtherEnrolments.summary(Collections.nCopies(12, OPEN));

    assertThat(summary.split("; ")).hasSize(11);
    assertThat(summary).endsWith("; e altri 2");
  }
}
