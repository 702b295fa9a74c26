package org.erplab.pathways.reporting.domain;

/**
 * The figures of the funnel report: a stable key (the API's), an Italian label, and a one-line definition saying what
 * is counted (the numerator), of what (the denominator, another figure) and in which period. Every figure counts the
 * pathways of one project registered in the period (created from {@code from} to {@code to}, both included, days of
 * Europe/Rome), as they stand when the report is asked; breakdowns count per code.
 */
public enum FunnelMeasure {

  REGISTRATIONS("registrations", "Iscrizioni", null,
      "Percorsi registrati nel periodo (operatore del laboratorio, sportello CPI o modulo pubblico), per canale."),
  INTAKE_COMPLETED("intakeCompleted", "Presa in carico completata", REGISTRATIONS,
      "Percorsi del periodo con il colloquio concluso e il consenso dato, passati alla verifica dei requisiti, sulle iscrizioni."),
  INTAKE_NOT_COMPLETED("intakeNotCompleted", "Presa in carico non completata", REGISTRATIONS,
      "Percorsi del periodo senza colloquio concluso (irreperibili, senza consenso, ancora da contattare), sulle iscrizioni."),
  ELIGIBLE("eligible", "Idonei", INTAKE_COMPLETED,
      "Percorsi del periodo la cui verifica dei requisiti si è conclusa con esito idoneo, sulle prese in carico completate."),
  TO_VERIFY("toVerify", "Da verificare", INTAKE_COMPLETED,
      "Percorsi del periodo aperti con la verifica dei requisiti in corso presso il CPI (o documenti attesi), per elemento da verificare."),
  INELIGIBLE("ineligible", "Non idonei", INTAKE_COMPLETED,
      "Percorsi del periodo la cui verifica si è conclusa con esito non idoneo; per motivo (chi ne ha due conta in entrambi)."),
  ASSESSED("assessed", "Bilancio di competenze svolto", ELIGIBLE,
      "Percorsi del periodo con almeno un bilancio di competenze, sugli idonei; per percorso scelto (chi ne ha due conta in entrambi)."),
  PLAN_SIGNED("planSigned", "Piano firmato", ASSESSED,
      "Percorsi del periodo con una versione del piano personalizzato firmata, su quelli con il bilancio."),
  TRAINING_STARTED("trainingStarted", "Formazione avviata", PLAN_SIGNED,
      "Percorsi del periodo con almeno un'ora di frequenza nel registro presenze, su quelli con il piano firmato."),
  TRAINING_COMPLETED("trainingCompleted", "Formazione completata", TRAINING_STARTED,
      "Percorsi del periodo con ogni corso dell'ultimo piano firmato completato (soglia di frequenza raggiunta), su quelli in formazione."),
  REACHED_INTERNSHIP("reachedInternship", "Arrivati al tirocinio", PLAN_SIGNED,
      "Percorsi del periodo entrati almeno una volta nella fase di tirocinio, su quelli con il piano firmato."),
  REACHED_PLACEMENT("reachedPlacement", "Arrivati all'inserimento lavorativo", PLAN_SIGNED,
      "Percorsi del periodo entrati almeno una volta nella fase di inserimento lavorativo, su quelli con il piano firmato."),
  REACHED_JOB_SERVICES("reachedJobServices", "Arrivati ai servizi al lavoro", PLAN_SIGNED,
      "Percorsi del periodo entrati nel tirocinio o nell'inserimento lavorativo (contati una volta), su quelli con il piano firmato."),
  CLOSED("closed", "Chiusi", REGISTRATIONS,
      "Percorsi del periodo chiusi, per esito, sulle iscrizioni."),
  MISSED_DEADLINES("missedDeadlines", "Scadenze mancate", null,
      "Scadenze dei percorsi del periodo passate senza che il compito fosse svolto (numero di scadenze, non di percorsi), per tipo."),
  BY_GENDER("byGender", "Iscrizioni per genere", null,
      "Percorsi registrati nel periodo, per genere della persona (F, M) alla registrazione."),
  BY_AGE_BAND("byAgeBand", "Iscrizioni per fascia d'età", null,
      "Percorsi registrati nel periodo, per età della persona alla registrazione (UNDER_25, 25_29, 30_54, 55_PLUS)."),
  BY_CITIZENSHIP_AREA("byCitizenshipArea", "Iscrizioni per cittadinanza", null,
      "Percorsi registrati nel periodo, per cittadinanza della persona (IT, EU: altro Stato dell'Unione, NON_EU, UNKNOWN).");

  private final String key;
  private final String label;
  private final FunnelMeasure denominator;
  private final String definition;

  FunnelMeasure(String key, String label, FunnelMeasure denominator, String definition) {
    this.key = key;
    this.label = label;
    this.denominator = denominator;
    this.definition = definition;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** The figure this one is a share of, or null. */
  public FunnelMeasure denominator() {
    return denominator;
  }

  public String definition() {
    return definition;
  }
}
