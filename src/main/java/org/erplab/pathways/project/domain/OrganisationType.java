package org.erplab.pathways.project.domain;

public enum OrganisationType {
  LAB,
  CPI,
  ACCREDITED_OPERATOR,
  MUNICIPALITY,
  ALER,
  REGION
}
