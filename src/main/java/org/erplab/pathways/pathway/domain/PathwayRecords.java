package org.erplab.pathways.pathway.domain;

import java.time.OffsetDateTime;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.participant.domain.PersonProfile;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table pathway. */
@Repository
public class PathwayRecords {

  private final JdbcClient jdbc;

  public PathwayRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Pathway> find(UUID id) {
    return jdbc.sql("select * from pathway where id = ?").param(id).query(Pathway.class).optional();
  }

  /** Every pathway of a participant, newest first. */
  public java.util.List<Pathway> ofParticipant(UUID participantId) {
    return jdbc.sql("select * from pathway where participant_id = ? order by created_at desc")
        .param(participantId).query(Pathway.class).list();
  }

  /** True while the pathway has an open task in that tenant (a project, or an organisation's part of it). */
  public boolean hasOpenTaskIn(UUID pathwayId, String tenantId) {
    return jdbc.sql("""
            select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
            where e.BUSINESS_KEY_ = ? and t.TENANT_ID_ = ?""")
        .params(pathwayId.toString(), tenantId).query(Integer.class).single() > 0;
  }

  public boolean hasOpenPathway(UUID participantId) {
    return jdbc.sql("select count(*) from pathway where open_participant_id = ?")
        .param(participantId).query(Integer.class).single() > 0;
  }

  public void insert(Pathway p) {
    jdbc.sql("""
            insert into pathway (id, participant_id, project_code, channel, stage, status, consent_at, created_at,
            open_participant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.id(), p.participantId(), p.projectCode(), p.channel(), p.stage(), p.status(), p.consentAt(),
            p.createdAt(), p.participantId())
        .update();
    recordStageEntered(p.id(), p.stage(), p.createdAt());
  }

  /** The non-identifying facts the indicators count the pathway by, kept after the person is erased (ADR 0036). */
  public void recordProfile(UUID id, String projectCode, PersonProfile profile) {
    jdbc.sql("""
            insert into pathway_profile (pathway_id, project_code, gender, age_band, citizenship_area, age_years,
                                         origin_area)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, projectCode, profile.gender(), profile.ageBand(), profile.citizenshipArea(), profile.ageYears(),
            profile.originArea())
        .update();
  }

  /** The intake interview's facts the indicators count by (ADR 0040): the latest interview's answers. */
  public void recordIntakeFacts(UUID id, String education, String employmentStatus, OffsetDateTime at) {
    jdbc.sql("""
            update pathway_profile set education = ?, employment_status = ?, interviewed_at = ?
            where pathway_id = ?""")
        .params(education, employmentStatus, at, id)
        .update();
  }

  public void attachProcessInstance(UUID id, String processInstanceId) {
    jdbc.sql("update pathway set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /** The pathway's stage now; the first time it enters a stage is kept in {@code pathway_stage} (ADR 0023). */
  public void updateStage(UUID id, String stage) {
    if (jdbc.sql("update pathway set stage = ? where id = ? and status <> 'CLOSED'").params(stage, id).update() > 0) {
      recordStageEntered(id, stage, EngineClock.now());
    }
  }

  private void recordStageEntered(UUID id, String stage, OffsetDateTime at) {
    jdbc.sql("""
            insert into pathway_stage (pathway_id, stage, entered_at) select ?, ?, ?
            where not exists (select 1 from pathway_stage where pathway_id = ? and stage = ?)""")
        .params(id, stage, at, id, stage)
        .update();
  }

  public void recordFirstAppointment(UUID id, java.time.LocalDate day) {
    jdbc.sql("update pathway set first_appointment_date = ? where id = ?").params(day, id).update();
  }

  public void recordOperator(UUID id, String organisation) {
    jdbc.sql("update pathway set operator_organisation = ? where id = ?").params(organisation, id).update();
  }

  /** The moment consent to data processing was recorded (at self-registration, confirmed at the interview). */
  public void recordConsent(UUID id, OffsetDateTime at) {
    jdbc.sql("update pathway set consent_at = coalesce(consent_at, ?) where id = ?").params(at, id).update();
  }

  /** Closes an open pathway keeping its stage (what it achieved); false if it was closed already. */
  public boolean closeKeepingStage(UUID id, String outcome, OffsetDateTime at) {
    return jdbc.sql("""
            update pathway set status = 'CLOSED', outcome = ?, closed_at = ?, open_participant_id = null,
            suspended_since = null where id = ? and status <> 'CLOSED'""")
        .params(outcome, at, id)
        .update() == 1;
  }

  /** Locks the pathway's row until the end of the transaction (suspensions, resumptions and exits are serialised). */
  public Optional<Pathway> lock(UUID id) {
    return jdbc.sql("select * from pathway where id = ? for update").param(id).query(Pathway.class).optional();
  }

  /** Start of the period the pathway has been suspended for, if it is. */
  public Optional<OffsetDateTime> suspendedSince(UUID id) {
    return jdbc.sql("select suspended_since from pathway where id = ?").param(id)
        .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional().filter(java.util.Objects::nonNull);
  }

  public void markSuspended(UUID id, OffsetDateTime since) {
    jdbc.sql("update pathway set status = 'SUSPENDED', suspended_since = ? where id = ? and status <> 'CLOSED'")
        .params(since, id).update();
  }

  public void markResumed(UUID id) {
    jdbc.sql("update pathway set status = 'ACTIVE', suspended_since = null where id = ? and status <> 'CLOSED'")
        .param(id).update();
  }

  /** The pathway's dates beside its record's main columns: first appointment, re-assessment, withdrawal. */
  public Dates dates(UUID id) {
    return jdbc.sql("select first_appointment_date, reassessment_date, withdrawal_date from pathway where id = ?")
        .param(id).query(Dates.class).optional().orElse(new Dates(null, null, null));
  }

  /** Dates of a pathway shown with it. */
  public record Dates(java.time.LocalDate firstAppointmentDate, java.time.LocalDate reassessmentDate,
      java.time.LocalDate withdrawalDate) {}

  /** The participant's reason and the day they withdrew, on a pathway closed as WITHDRAWN. */
  public void recordWithdrawal(UUID id, String reason, java.time.LocalDate date) {
    jdbc.sql("update pathway set reasons = ?, withdrawal_date = ? where id = ?").params(reason, date, id).update();
  }

  public void close(UUID id, String outcome, String reasons, String referral, OffsetDateTime at) {
    jdbc.sql("""
            update pathway set status = 'CLOSED', stage = 'CLOSED', outcome = ?, reasons = ?, referral = ?, closed_at = ?,
            open_participant_id = null, suspended_since = null where id = ?""")
        .params(outcome, reasons, referral, at, id)
        .update();
  }
}
