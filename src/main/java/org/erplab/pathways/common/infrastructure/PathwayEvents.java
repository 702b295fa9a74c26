package org.erplab.pathways.common.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a pathway beside the engine's history (table {@code pathway_event}), written in the transaction
 * that did it: deadlines created, shifted, met, missed and cancelled; suspensions, resumptions, withdrawal,
 * interruption. Details are codes, dates and counts as JSON, never personal data. The audit trail reads them with
 * the engine's history; each is also an event of the audit record (ADR 0035).
 */
@Repository
public class PathwayEvents {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public PathwayEvents(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Records an event now (engine clock); {@code details} may hold nulls, which are left out. */
  public void record(UUID pathwayId, String type, String user, UUID deadlineId, Map<String, ?> details) {
    Map<String, Object> kept = new LinkedHashMap<>();
    details.forEach((k, v) -> {
      if (v != null) {
        kept.put(k, v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v);
      }
    });
    String json;
    try {
      json = JSON.writeValueAsString(kept);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event details must be plain values", e);
    }
    jdbc.sql("insert into pathway_event (pathway_id, at, event_type, user_id, deadline_id, details) values (?, ?, ?, ?, ?, ?)")
        .params(pathwayId, EngineClock.now(), type, user, deadlineId, json)
        .update();
    Map<String, Object> audited = new LinkedHashMap<>(kept);
    audited.put("deadlineId", deadlineId);
    events.publishEvent(new AuditFact(pathwayId, null, user, type, null, audited));
  }

  /** The pathway's events in the order they were written. */
  public List<Event> of(UUID pathwayId) {
    return jdbc.sql("select id, at, event_type, user_id, deadline_id, details from pathway_event where pathway_id = ? order by id")
        .param(pathwayId)
        .query((rs, i) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("event_type"),
            rs.getString("user_id"), rs.getObject("deadline_id", UUID.class), details(rs.getString("details"))))
        .list();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable event details", e);
    }
  }

  /** One event. */
  public record Event(long id, OffsetDateTime at, String type, String user, UUID deadlineId, Map<String, Object> details) {}
}
