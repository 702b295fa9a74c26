package org.erplab.pathways.participant.api;

import org.erplab.pathways.participant.domain.Participant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
public interface ParticipantMapper {

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  @Mapping(target = "fiscalCode", expression = "java(person.fiscalCode().trim().toUpperCase())")
  Participant toParticipant(PersonRequest person, String projectCode);

  @Mapping(target = "vulnerabilities", ignore = true)
  @Mapping(target = "notes", ignore = true)
  ParticipantView toView(Participant participant);
}
