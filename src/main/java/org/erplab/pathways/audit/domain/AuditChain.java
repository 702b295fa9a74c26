package org.erplab.pathways.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The hash chains of the audit record (ADR 0035). An event's hash is SHA-256 over its fields, each written as its
 * length, a colon and its text (so no two different events read the same), and the previous event's hash of the same
 * chain. A chain is valid when its sequence numbers run 1, 2, 3... without a gap, each event names the previous hash,
 * and each hash is the one its fields give.
 */
public final class AuditChain {

  /** An event as stored. */
  public record Event(long id, String chainKey, long seq, OffsetDateTime occurredAt, UUID pathwayId,
      String projectCode, String actor, String type, String elementId, String processInstanceId, String details,
      String previousHash, String hash) {}

  /**
   * The result of checking a chain: {@code events} counted, and the sequence number and time of the first event that
   * does not hold (null when valid).
   */
  public record Verification(boolean valid, long events, Long firstBrokenAt, OffsetDateTime firstBrokenOccurredAt,
      String problem) {}

  private AuditChain() {}

  /** The time as stored and hashed: to the microsecond, as PostgreSQL and H2 keep it. */
  public static OffsetDateTime stored(OffsetDateTime time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  public static String hash(String chainKey, long seq, OffsetDateTime occurredAt, UUID pathwayId, String projectCode,
      String actor, String type, String elementId, String processInstanceId, String details, String previousHash) {
    StringBuilder text = new StringBuilder();
    for (Object field : new Object[] {chainKey, seq, instant(occurredAt), pathwayId, projectCode, actor, type,
        elementId, processInstanceId, details, previousHash}) {
      String value = field == null ? "" : field.toString();
      text.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Checks one chain, its events in sequence order. */
  public static Verification verify(List<Event> chain) {
    String previous = null;
    long expected = 1;
    for (Event e : chain) {
      String problem = null;
      if (e.seq() != expected) {
        problem = e.seq() > expected ? "events missing before this one" : "sequence repeated";
      } else if (!Objects.equals(previous, e.previousHash())) {
        problem = "previous hash does not match";
      } else if (!hash(e.chainKey(), e.seq(), e.occurredAt(), e.pathwayId(), e.projectCode(), e.actor(), e.type(),
          e.elementId(), e.processInstanceId(), e.details(), e.previousHash()).equals(e.hash())) {
        problem = "content changed";
      }
      if (problem != null) {
        return new Verification(false, chain.size(), e.seq(), e.occurredAt(), problem);
      }
      previous = e.hash();
      expected++;
    }
    return new Verification(true, chain.size(), null, null, null);
  }

  private static String instant(OffsetDateTime time) {
    Instant at = time.toInstant().truncatedTo(ChronoUnit.MICROS);
    return at.toString();
  }
}
