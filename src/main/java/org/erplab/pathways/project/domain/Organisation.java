package org.erplab.pathways.project.domain;

/** A partner organisation; its code is also the Camunda group its users belong to. */
public record Organisation(String code, String name, OrganisationType type) {}
