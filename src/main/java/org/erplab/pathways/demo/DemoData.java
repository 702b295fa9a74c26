package org.erplab.pathways.demo;

import org.erplab.pathways.common.domain.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.FiscalCode;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.CamundaIdentityAuthenticationProvider;
import org.erplab.pathways.security.PartitionMemberships;
import org.erplab.pathways.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (profile {@code demo}): two projects with their partners, one user per role (password {@code demo}, demo
 * only) and a handful of pathways at every stage, driven through the real processes. Idempotent: whatever exists is
 * left as it is.
 */
@Component
@ConditionalOnProperty(name = "demo.enabled", havingValue = "true")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  public static final String PASSWORD = "demo";

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final PathwayService pathways;
  private final CamundaIdentityAuthenticationProvider users;
  private final PartitionMemberships partitions;
  private final Plans plans;
  private final Internship internship;
  private final Training training;
  private final PathwayRecords pathwayRecords;

  public DemoData(JdbcClient jdbc, IdentityService identityService, TaskService taskService, PathwayService pathways,
      CamundaIdentityAuthenticationProvider users, PartitionMemberships partitions, Plans plans, Internship internship,
      Training training, PathwayRecords pathwayRecords) {
    this.training = training;
    this.pathwayRecords = pathwayRecords;
    this.plans = plans;
    this.internship = internship;
    this.users = users;
    this.partitions = partitions;
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.taskService = taskService;
    this.pathways = pathways;
  }

  @Value("${demo.pathways:true}")
  private boolean withPathways;

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void load() {
    projects();
    people();
    // the organisation parts of the projects, and who sees them, before any pathway reaches an operator
    partitions.sync();
    if (withPathways && jdbc.sql("select count(*) from pathway").query(Integer.class).single() == 0) {
      pathwaysAtEveryStage();
      LOG.info("Demo pathways created");
    }
    LOG.info("Demo data ready: users {} (password '{}', demo only)", "lab.lorenteggio, cpi.milano, operator.lorenteggio, "
        + "lab.bollate, cpi.bollate, operator.bollate, social.milano, aler.milano, social.bollate, aler.bollate, manager, "
        + "auditor, admin, privacy", PASSWORD);
  }

  private void projects() {
    project("LORENTEGGIO", "Lorenteggio - Milano", "Milano", "MI", "12-07", "Sant'Ambrogio");
    project("BOLLATE", "Turati-Verdi - Bollate", "Bollate", "MI", "11-11", "San Martino");
    organisation("ALER_MI", "ALER Milano", "ALER");
    organisation("COMUNE_MI", "Comune di Milano", "MUNICIPALITY");
    organisation("MILOLAB", "MILOLab - Laboratorio sociale Lorenteggio", "LAB");
    organisation("AFOL_MET", "AFOL Metropolitana", "CPI");
    organisation("SOLCO", "Sol.Co Milano", "ACCREDITED_OPERATOR");
    organisation("MESTIERI", "Mestieri Lombardia", "ACCREDITED_OPERATOR");
    organisation("COMUNE_BOLLATE", "Comune di Bollate", "MUNICIPALITY");
    organisation("LAB_BOLLATE", "Laboratorio sociale Turati-Verdi", "LAB");
    organisation("CONSORZIO_SIR", "Consorzio SiR", "ACCREDITED_OPERATOR");
    organisation("REGIONE_LOMBARDIA", "Regione Lombardia", "REGION");
    partner("LORENTEGGIO", "ALER_MI", true);
    for (String org : List.of("COMUNE_MI", "MILOLAB", "AFOL_MET", "SOLCO", "MESTIERI", "REGIONE_LOMBARDIA")) {
      partner("LORENTEGGIO", org, false);
    }
    partner("BOLLATE", "COMUNE_BOLLATE", true);
    for (String org : List.of("LAB_BOLLATE", "AFOL_MET", "CONSORZIO_SIR", "ALER_MI", "REGIONE_LOMBARDIA")) {
      partner("BOLLATE", org, false);
    }
  }

  private void people() {
    user("lab.lorenteggio", "Giulia", "Ferri", Roles.LAB, "MILOLAB", "LORENTEGGIO");
    user("cpi.milano", "Marco", "Galli", Roles.CPI, "AFOL_MET", "LORENTEGGIO");
    user("operator.lorenteggio", "Sara", "Colombo", Roles.OPERATOR, "SOLCO", "LORENTEGGIO");
    user("lab.bollate", "Luca", "Fontana", Roles.LAB, "LAB_BOLLATE", "BOLLATE");
    user("cpi.bollate", "Elena", "Riva", Roles.CPI, "AFOL_MET", "BOLLATE");
    user("operator.bollate", "Paolo", "Greco", Roles.OPERATOR, "CONSORZIO_SIR", "BOLLATE");
    user("social.milano", "Chiara", "Bassi", Roles.SOCIAL, "COMUNE_MI", "LORENTEGGIO");
    user("aler.milano", "Giorgio", "Ferrari", Roles.HOUSING, "ALER_MI", "LORENTEGGIO");
    user("social.bollate", "Marta", "Villa", Roles.SOCIAL, "COMUNE_BOLLATE", "BOLLATE");
    user("aler.bollate", "Stefano", "Ruggeri", Roles.HOUSING, "ALER_MI", "BOLLATE");
    user("manager", "Anna", "Moretti", Roles.MANAGER, "REGIONE_LOMBARDIA", "LORENTEGGIO", "BOLLATE");
    user("auditor", "Davide", "Conti", Roles.AUDITOR, "REGIONE_LOMBARDIA", "LORENTEGGIO", "BOLLATE");
    user("admin", "Amministratore", "Sistema", Roles.ADMIN, "REGIONE_LOMBARDIA", "LORENTEGGIO", "BOLLATE");
    user("privacy", "Laura", "Neri", Roles.PRIVACY, "REGIONE_LOMBARDIA", "LORENTEGGIO", "BOLLATE");
  }

  private void pathwaysAtEveryStage() {
    // LORENTEGGIO
    UUID callBack = start("LORENTEGGIO", Pathway.Channel.SELF_REGISTRATION, "BRB", "GNN", 1990, 3, 12, "M");
    complete(callBack, "lab.lorenteggio", "Task_CallBack", Map.of("contactOutcome", "NOT_REACHED"));
    start("LORENTEGGIO", Pathway.Channel.LAB, "RSS", "LRA", 1985, 6, 20, "F");
    UUID toVerify = start("LORENTEGGIO", Pathway.Channel.LAB, "BNC", "PLA", 1978, 11, 2, "F");
    complete(toVerify, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", true, "NONE", "MIGRANT"));
    UUID toAssign = start("LORENTEGGIO", Pathway.Channel.LAB, "MRN", "LCU", 1995, 1, 15, "M");
    complete(toAssign, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "NONE"));
    UUID toMeet = start("LORENTEGGIO", Pathway.Channel.CPI_DESK, "CST", "FNC", 1969, 9, 30, "M");
    complete(toMeet, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "FORMER_DETAINEE"));
    complete(toMeet, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    UUID handedOver = start("LORENTEGGIO", Pathway.Channel.LAB, "SNT", "MRA", 1988, 4, 8, "F");
    complete(handedOver, "lab.lorenteggio", "Task_IntakeInterview", interview("FIRST_JOB_SEEKER", false, "NONE", "GENDER_VIOLENCE"));
    complete(handedOver, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(handedOver, "operator.lorenteggio", "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));
    UUID toPlan = start("LORENTEGGIO", Pathway.Channel.LAB, "PRT", "DRA", 1986, 8, 14, "M");
    complete(toPlan, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "NONE"));
    complete(toPlan, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(toPlan, "operator.lorenteggio", "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));
    complete(toPlan, "operator.lorenteggio", "Task_SkillsAssessment", assessment(true, false));
    // a plan written by the operator and sent: the CPI approves or rejects it
    UUID toApprove = start("LORENTEGGIO", Pathway.Channel.LAB, "FRR", "GLI", 1983, 5, 9, "F");
    complete(toApprove, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "NONE"));
    complete(toApprove, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(toApprove, "operator.lorenteggio", "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));
    complete(toApprove, "operator.lorenteggio", "Task_SkillsAssessment", assessment(true, false));
    plans.saveDraft(toApprove, "LORENTEGGIO", new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new BigDecimal("12"), new BigDecimal("480.00")),
            new Plans.ServiceLine("INTERNSHIP_TUTORING", new BigDecimal("20"), new BigDecimal("600.00"))),
        List.of(new Plans.CourseLine("MAG-01", "Logistica di magazzino", new BigDecimal("40"),
            EngineClock.today().plusDays(21), EngineClock.today().plusDays(56))),
        true, new BigDecimal("1500.00")), "operator.lorenteggio");
    complete(toApprove, "operator.lorenteggio", "Task_DraftPlan", Map.of("planSubmitted", true));
    // an internship running for 3 months from today at a warehouse (a plan with an internship and no course, signed)
    UUID interning = signedPlan(start("LORENTEGGIO", Pathway.Channel.LAB, "CLM", "DVD", 1994, 3, 21, "M"), List.of(),
        true);
    internship.write(interning, new Internship.Terms("Magazzini Lombardi srl", "SOLCO",
        "Magazzini Lombardi srl", EngineClock.today(), 3, new BigDecimal("30")), "operator.lorenteggio");
    complete(interning, "operator.lorenteggio", "Task_InternshipAgreement", Map.of("agreementConfirmed", true));
    // in training: a 40-hour course that began a week ago, two days of attendance in the register
    UUID inTraining = signedPlan(start("LORENTEGGIO", Pathway.Channel.LAB, "GRC", "SRN", 1991, 1, 30, "F"),
        List.of(new Plans.CourseLine("CAR-01", "Carrellista", new BigDecimal("40"), EngineClock.today().minusDays(7),
            EngineClock.today().plusDays(21))), false);
    for (int day = 2; day >= 1; day--) {
      training.record(pathwayRecords.find(inTraining).orElseThrow(), "CAR-01", EngineClock.today().minusDays(day),
          new BigDecimal("6"), "operator.lorenteggio");
    }
    // looking for a job: a plan with no course nor internship, signed; the operator records the hire
    signedPlan(start("LORENTEGGIO", Pathway.Channel.CPI_DESK, "LNG", "MRC", 1987, 6, 11, "M"), List.of(), false);
    // hired on a permanent contract, confirmed by the CPI: the follow-ups at 3, 6 and 12 months are ahead
    UUID hired = signedPlan(start("LORENTEGGIO", Pathway.Channel.LAB, "FNT", "NNA", 1980, 9, 17, "F"), List.of(), false);
    complete(hired, "operator.lorenteggio", "Task_RecordPlacement", Map.of("employerName", "Cooperativa Il Cortile",
        "contractType", "PERMANENT", "startDate", EngineClock.today().toString(), "weeklyHours", 30));
    complete(hired, "cpi.milano", "Task_VerifyPlacement", Map.of("placementConfirmed", true));
    UUID toSocial = start("LORENTEGGIO", Pathway.Channel.LAB, "MNC", "RSL", 1972, 12, 3, "F");
    complete(toSocial, "lab.lorenteggio", "Task_IntakeInterview", interview("INACTIVE", false, "NONE", "ADDICTION"));
    complete(toSocial, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(toSocial, "operator.lorenteggio", "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));
    complete(toSocial, "operator.lorenteggio", "Task_SkillsAssessment", assessment(false, true));
    // accompanied to self-employment: started today, the first monthly check-in comes in a month
    UUID selfEmployed = start("LORENTEGGIO", Pathway.Channel.LAB, "CLM", "NNA", 1980, 3, 27, "F");
    complete(selfEmployed, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "NONE"));
    complete(selfEmployed, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(selfEmployed, "operator.lorenteggio", "Task_FirstAppointment",
        Map.of("appointmentDate", EngineClock.today().toString()));
    Map<String, Object> wantsABusiness = new LinkedHashMap<>(assessment(true, false));
    wantsABusiness.put("selfEmploymentInterest", true);
    complete(selfEmployed, "operator.lorenteggio", "Task_SkillsAssessment", wantsABusiness);
    complete(selfEmployed, "operator.lorenteggio", "Task_StartAccompaniment", Map.of("businessSector", "CRAFTS",
        "plannedStartDate", EngineClock.today().plusMonths(3).toString()));
    UUID ineligible = start("LORENTEGGIO", Pathway.Channel.CPI_DESK, "VRD", "GPP", 1975, 2, 25, "M");
    complete(ineligible, "lab.lorenteggio", "Task_IntakeInterview", interview("EMPLOYED", false, "NONE", "NONE"));
    UUID noConsent = start("LORENTEGGIO", Pathway.Channel.LAB, "GLL", "SFO", 1960, 7, 7, "F");
    Map<String, Object> refused = new LinkedHashMap<>(interview("RETIRED", false, "NONE", "NONE"));
    refused.put("consentGiven", false);
    complete(noConsent, "lab.lorenteggio", "Task_IntakeInterview", refused);
    // BOLLATE
    start("BOLLATE", Pathway.Channel.LAB, "FRR", "NDR", 1992, 5, 5, "M");
    UUID bollateMeet = start("BOLLATE", Pathway.Channel.LAB, "LMB", "CHR", 1983, 10, 19, "F");
    complete(bollateMeet, "lab.bollate", "Task_IntakeInterview", interview("INACTIVE", false, "NONE", "DISABILITY"));
  }

  /** A LORENTEGGIO pathway taken to SOLCO, assessed for work, its plan (these courses) approved and signed today. */
  private UUID signedPlan(UUID pathwayId, List<Plans.CourseLine> courses, boolean internshipPlanned) {
    complete(pathwayId, "lab.lorenteggio", "Task_IntakeInterview", interview("UNEMPLOYED", false, "NONE", "NONE"));
    complete(pathwayId, "cpi.milano", "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete(pathwayId, "operator.lorenteggio", "Task_FirstAppointment",
        Map.of("appointmentDate", EngineClock.today().toString()));
    complete(pathwayId, "operator.lorenteggio", "Task_SkillsAssessment", assessment(true, false));
    plans.saveDraft(pathwayId, "LORENTEGGIO", new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new BigDecimal("10"), new BigDecimal("400.00"))),
        courses, internshipPlanned, new BigDecimal("1000.00")), "operator.lorenteggio");
    complete(pathwayId, "operator.lorenteggio", "Task_DraftPlan", Map.of("planSubmitted", true));
    complete(pathwayId, "cpi.milano", "Task_ApprovePlan", Map.of("planApproved", true));
    complete(pathwayId, "operator.lorenteggio", "Task_RecordSignature",
        Map.of("signedOn", EngineClock.today().toString()));
    return pathwayId;
  }

  private static Map<String, Object> assessment(boolean readyForWork, boolean needsSocialSupport) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("orientationHours", 8);
    values.put("readyForWork", readyForWork);
    values.put("needsSocialSupport", needsSocialSupport);
    values.put("selfEmploymentInterest", false);
    values.put("eqfLevel", 2);
    values.put("availability", readyForWork ? "FULL_TIME" : "LIMITED");
    values.put("note", "Bilancio dimostrativo");
    return values;
  }

  private static Map<String, Object> interview(String employment, boolean naspi, String otherMeasure, String vulnerability) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("consentGiven", true);
    values.put("residentInErp", true);
    values.put("housingHardship", true);
    values.put("employmentStatus", employment);
    values.put("hasDid", true);
    values.put("education", "LOWER_SECONDARY");
    values.put("naspiRecipient", naspi);
    values.put("otherMeasure", otherMeasure);
    values.put("permitStatus", "MIGRANT".equals(vulnerability) ? "VALID" : "NOT_REQUIRED");
    values.put("vulnerabilities", new ArrayList<>(List.of(vulnerability)));
    values.put("note", "Colloquio dimostrativo");
    return values;
  }

  private UUID start(String project, Pathway.Channel channel, String surname, String name, int year, int month,
      int day, String gender) {
    String months = "ABCDEHLMPRST";
    String first15 = surname + name + String.format("%02d", year % 100) + months.charAt(month - 1)
        + String.format("%02d", "F".equals(gender) ? day + 40 : day) + "F205";
    String code = first15 + FiscalCode.checkCharacter(first15);
    Participant person = new Participant(null, project, code, "Demo " + name, "Persona " + surname,
        LocalDate.of(year, month, day), gender, "IT", null, "+39 02 0000000", null, null, null);
    return pathways.start(person, channel, channel == Pathway.Channel.SELF_REGISTRATION ? EngineClock.now() : null)
        .pathwayId();
  }

  private void complete(UUID pathwayId, String userId, String taskKey, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(taskKey).singleResult();
    AppUser user = users.load(userId);
    identityService.setAuthentication(user.id(), user.groups(), List.copyOf(user.tenants()));
    try {
      taskService.claim(task.getId(), userId);
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void project(String code, String name, String municipality, String province, String patronDay,
      String patronDayName) {
    if (jdbc.sql("select count(*) from project where code = ?").param(code).query(Integer.class).single() == 0) {
      jdbc.sql("insert into project (code, name, municipality, province, patron_day, start_date, end_date) values (?, ?, ?, ?, ?, ?, ?)")
          .params(code, name, municipality, province, patronDay, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30))
          .update();
    }
    // also for demo projects made before the column existed (V4)
    jdbc.sql("update project set patron_day_name = ? where code = ? and patron_day = ? and patron_day_name is null")
        .params(patronDayName, code, patronDay)
        .update();
    if (identityService.createTenantQuery().tenantId(code).count() == 0) {
      Tenant tenant = identityService.newTenant(code);
      tenant.setName(name);
      identityService.saveTenant(tenant);
    }
  }

  private void organisation(String code, String name, String type) {
    if (jdbc.sql("select count(*) from organisation where code = ?").param(code).query(Integer.class).single() == 0) {
      jdbc.sql("insert into organisation (code, name, type) values (?, ?, ?)").params(code, name, type).update();
    }
    if (identityService.createGroupQuery().groupId(code).count() == 0) {
      Group group = identityService.newGroup(code);
      group.setName(name);
      group.setType(Roles.ORGANISATION_TYPE);
      identityService.saveGroup(group);
    }
  }

  private void partner(String project, String organisation, boolean lead) {
    if (jdbc.sql("select count(*) from project_organisation where project_code = ? and organisation_code = ?")
        .params(project, organisation).query(Integer.class).single() == 0) {
      jdbc.sql("insert into project_organisation (project_code, organisation_code, lead_entity) values (?, ?, ?)")
          .params(project, organisation, lead).update();
    }
  }

  private void user(String id, String firstName, String lastName, String role, String organisation, String... projects) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@demo.invalid");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, role);
    identityService.createMembership(id, organisation);
    if (Roles.ADMIN.equals(role)) {
      identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
    }
    // operators, social services and ALER see their organisation's part of a project (through the organisation's
    // group), never the project's own tenant
    if (!Roles.ORGANISATION_SCOPED.contains(role)) {
      for (String project : projects) {
        identityService.createTenantUserMembership(project, id);
      }
    }
  }
}
