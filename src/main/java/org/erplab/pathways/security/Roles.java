package org.erplab.pathways.security;

import java.util.Set;

/** Roles are Camunda groups of type {@link #GROUP_TYPE}; organisations are groups of type {@link #ORGANISATION_TYPE}. */
public final class Roles {

  public static final String GROUP_TYPE = "ROLE";
  public static final String ORGANISATION_TYPE = "ORGANISATION";

  public static final String LAB = "lab";
  public static final String CPI = "cpi";
  public static final String OPERATOR = "operator";
  public static final String SOCIAL = "social";
  public static final String HOUSING = "housing";
  public static final String MANAGER = "manager";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";
  /**
   * The privacy officer (responsabile della protezione dei dati): erases a person's data on request (GDPR art. 17),
   * and does nothing else: reads no pathway, no personal file, no task, nothing in the engine or its webapps.
   */
  public static final String PRIVACY = "privacy";
  /**
   * A technical identity for the metrics scraper (Prometheus): reads {@code /actuator/prometheus} and nothing else (403
   * at {@code /api} and {@code /engine-rest}, no webapp login, no engine grant).
   */
  public static final String MONITORING = "monitoring";

  /** Roles that change nothing anywhere: a user with only these is refused every write at the security layer. */
  public static final Set<String> READ_ONLY = Set.of(AUDITOR);
  public static final Set<String> ALL = Set.of(LAB, CPI, OPERATOR, SOCIAL, HOUSING, MANAGER, AUDITOR, ADMIN, PRIVACY,
      MONITORING);
  /** Roles that may erase a person's data (ADR 0036). */
  public static final Set<String> ERASERS = Set.of(PRIVACY, ADMIN);
  /** Roles with no grant in the engine and its webapps (admins have every grant through their own group). */
  public static final Set<String> OUTSIDE_THE_ENGINE = Set.of(ADMIN, PRIVACY, MONITORING);
  /** Roles that read the metrics ({@code /actuator/prometheus}). */
  public static final Set<String> METRICS_READERS = Set.of(ADMIN, MONITORING);
  /** Roles kept to the metrics: a user whose roles are all among these is refused at every other door. */
  public static final Set<String> METRICS_ONLY = Set.of(MONITORING);
  /** Staff working on pathways of their projects (not auditors, not admins). */
  public static final Set<String> PROJECT_STAFF = Set.of(LAB, CPI, OPERATOR, SOCIAL, HOUSING, MANAGER);
  /** Roles that may read a participant's personal file. */
  public static final Set<String> PERSONAL_DATA_READERS = Set.of(LAB, CPI, OPERATOR, SOCIAL);
  /** Roles that may take a person in charge through the API. */
  public static final Set<String> INTAKE = Set.of(LAB, CPI);
  /**
   * Roles whose organisation has a part in every pathway of the projects the user serves: they see the whole
   * project (the project's own tenant and every organisation's part of it).
   */
  public static final Set<String> PROJECT_WIDE = Set.of(LAB, CPI, MANAGER, AUDITOR, ADMIN);
  /**
   * Roles whose organisation has a part only in some pathways (the ones assigned to it, or with a task of theirs
   * open): they see only their organisation's part of a project, never the project's own tenant.
   */
  public static final Set<String> ORGANISATION_SCOPED = Set.of(OPERATOR, SOCIAL, HOUSING);
  /** Roles that work tasks (claim, complete). */
  public static final Set<String> WORKERS = Set.of(LAB, CPI, OPERATOR, SOCIAL, HOUSING, MANAGER);

  private Roles() {}
}
