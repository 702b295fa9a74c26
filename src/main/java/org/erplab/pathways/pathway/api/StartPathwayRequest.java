package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.erplab.pathways.participant.api.PersonRequest;
import org.erplab.pathways.pathway.domain.Pathway;

/** A person taken in charge; {@code visitId}: the lab's visit this pathway starts from, if any (issue 10). */
public record StartPathwayRequest(
    @NotBlank String projectCode,
    @NotNull Pathway.Channel channel,
    @NotNull @Valid PersonRequest person,
    UUID visitId) {}
