package org.erplab.pathways.pathway.domain;

import org.erplab.pathways.common.domain.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.participant.domain.PersonProfile;
import org.erplab.pathways.participant.infrastructure.OriginAreas;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.process.ProcessStarts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a person in charge: registry entry, pathway record and process instance, in one transaction. */
@Service
public class PathwayService {

  private final ParticipantRegistry registry;
  private final PathwayRecords pathways;
  private final RuntimeService runtimeService;
  private final ProjectDirectory projects;
  private final OriginAreas originAreas;

  public PathwayService(ParticipantRegistry registry, PathwayRecords pathways, RuntimeService runtimeService,
      ProjectDirectory projects, OriginAreas originAreas) {
    this.projects = projects;
    this.originAreas = originAreas;
    this.registry = registry;
    this.pathways = pathways;
    this.runtimeService = runtimeService;
  }

  /**
   * Starts a pathway for the person in the project. The person must already be validated.
   *
   * @throws ApiException 409 when the person has an open pathway in the project, or the project's programme ended
   */
  @Transactional
  public StartedPathway start(Participant person, Pathway.Channel channel, OffsetDateTime consentAt) {
    return start(person, channel, consentAt, null);
  }

  /** {@link #start(Participant, Pathway.Channel, OffsetDateTime)} by {@code user} (null: the public form, the system). */
  @Transactional
  public StartedPathway start(Participant person, Pathway.Channel channel, OffsetDateTime consentAt, String user) {
    LocalDate end = projects.find(person.projectCode()).map(Project::endDate).orElse(null);
    if (end != null && EngineClock.today().isAfter(end)) {
      throw ApiException.conflict("The programme of project " + person.projectCode() + " ended on " + end
          + ": it takes no one in charge any more");
    }
    Participant participant = registry.register(person, user);
    if (pathways.hasOpenPathway(participant.id())) {
      throw ApiException.conflict("This person already has an open pathway in project " + participant.projectCode());
    }
    UUID pathwayId = UUID.randomUUID();
    OffsetDateTime now = EngineClock.now();
    pathways.insert(new Pathway(pathwayId, participant.id(), participant.projectCode(), channel.name(), null, "INTAKE",
        Pathway.Status.ACTIVE.name(), null, null, null, null, consentAt, now, null));
    LocalDate today = now.toLocalDate();
    pathways.recordProfile(pathwayId, participant.projectCode(), PersonProfile.of(participant, today,
        originAreas.of(participant.citizenship())));
    Map<String, Object> variables = Variables.createVariables()
        .putValue(PathwayProcess.Variables.PATHWAY_ID.name(), pathwayId.toString())
        .putValue(PathwayProcess.Variables.PARTICIPANT_ID.name(), participant.id().toString())
        .putValue(PathwayProcess.Variables.PROJECT_CODE.name(), participant.projectCode())
        .putValue(PathwayProcess.Variables.CHANNEL.name(), channel.name())
        .putValue(PathwayProcess.Variables.AGE_AT_INTAKE.name(), ParticipantRegistry.age(participant.birthDate(), today));
    ProcessInstance instance = ProcessStarts.permit(PathwayProcess.KEY, participant.projectCode(),
        () -> runtimeService.createProcessInstanceByKey(PathwayProcess.KEY)
            .processDefinitionWithoutTenantId()
            .businessKey(pathwayId.toString())
            .setVariables(variables)
            .execute());
    pathways.attachProcessInstance(pathwayId, instance.getId());
    return new StartedPathway(pathwayId, participant.id(), instance.getId());
  }

  public record StartedPathway(UUID pathwayId, UUID participantId, String processInstanceId) {}
}
