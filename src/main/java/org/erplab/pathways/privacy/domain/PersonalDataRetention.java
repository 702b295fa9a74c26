package org.erplab.pathways.privacy.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.privacy.infrastructure.ErasureRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention of our personal data (GDPR art. 5(1)(e), ADR 0036), beside the engine's history cleanup: every night in
 * the cleanup window, the people kept past the period ({@code privacy.retention.personal-data}, the models'
 * {@code historyTimeToLive} by default) are erased by the API's own code path, as {@code system}: those whose every
 * pathway closed more than the period ago, and those registered more than the period ago with no pathway. A person
 * with an open pathway is never due. Each person is erased in a transaction of its own.
 */
@Component
public class PersonalDataRetention {

  static final String ACTOR = "system";
  static final String REASON = "conservazione scaduta";
  private static final int BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);

  private final ErasureRecords records;
  private final ParticipantErasure erasure;
  private final Duration period;

  public PersonalDataRetention(ErasureRecords records, ParticipantErasure erasure,
      @Value("${privacy.retention.personal-data:P3650D}") Duration period) {
    this.records = records;
    this.erasure = erasure;
    this.period = period;
  }

  /** Runs the retention now (the schedule calls it; {@code privacy.retention.cron} "-" turns the schedule off). */
  @Scheduled(cron = "${privacy.retention.cron:0 30 1 * * *}", zone = "Europe/Rome")
  public int run() {
    OffsetDateTime before = EngineClock.now().minus(period);
    int erased = 0;
    List<UUID> due = records.dueForRetention(before, BATCH);
    while (!due.isEmpty()) {
      int erasedNow = 0;
      for (UUID participant : due) {
        try {
          if (erasure.erase(participant, project -> true, ACTOR, REASON).isPresent()) {
            erasedNow++;
          }
        } catch (RuntimeException e) {
          // one person that cannot be erased now does not hold back the others; tried again next night
          LOG.warn("Retention: participant {} not erased ({})", participant, e.getClass().getSimpleName());
        }
      }
      erased += erasedNow;
      if (erasedNow == 0) {
        break;
      }
      due = records.dueForRetention(before, BATCH);
    }
    if (erased > 0) {
      LOG.info("Retention: {} participant(s) kept past {} erased", erased, period);
    }
    return erased;
  }
}
