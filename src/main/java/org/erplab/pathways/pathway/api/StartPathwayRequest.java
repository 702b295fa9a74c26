package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.erplab.pathways.participant.api.PersonRequest;
import org.erplab.pathways.pathway.domain.Pathway;

public record StartPathwayRequest(
    @NotBlank String projectCode,
    @NotNull Pathway.Channel channel,
    @NotNull @Valid PersonRequest person) {}
