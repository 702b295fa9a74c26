// Shared by the auditors' pages (ADR 0038): Italian labels of outcomes and audit events, links between the pages.
'use strict';

const Revisione = (() => {
  const OUTCOMES = {
    PLACED: 'Inserimento lavorativo', COMPLETED_NOT_PLACED: 'Concluso senza inserimento',
    SOCIAL_REFERRAL: 'Invio ai servizi sociali', WITHDRAWN: 'Ritiro', INELIGIBLE: 'Requisiti mancanti',
    PLAN_NOT_SIGNED: 'Piano non firmato', UNREACHABLE: 'Persona non raggiungibile', NO_CONSENT: 'Consenso negato',
    INTERRUPTED: 'Interrotto (fine del programma)'
  };

  const EVENTS = {
    PROCESS_STARTED: 'Processo avviato', PROCESS_ENDED: 'Processo concluso', INSTANCE_MIGRATED: 'Istanza migrata',
    ACTIVITY_STARTED: 'Attività iniziata', ACTIVITY_ENDED: 'Attività conclusa', TASK_CREATED: 'Compito creato',
    TASK_COMPLETED: 'Compito completato', TASK_CANCELLED: 'Compito annullato', DECISION_EVALUATED: 'Decisione',
    INCIDENT_CREATED: 'Incidente', INCIDENT_RESOLVED: 'Incidente risolto', JOB_FAILED: 'Lavoro non riuscito',
    OPERATION: 'Operazione', DEADLINE_CREATED: 'Scadenza creata', DEADLINE_MET: 'Scadenza rispettata',
    DEADLINE_MISSED: 'Scadenza superata', DEADLINE_CANCELLED: 'Scadenza annullata',
    DEADLINE_SHIFTED: 'Scadenza spostata', DEADLINE_MOVED: 'Scadenza spostata', PATHWAY_SUSPENDED: 'Percorso sospeso',
    PATHWAY_RESUMED: 'Percorso ripreso', PATHWAY_WITHDRAWN: 'Ritiro', PATHWAY_INTERRUPTED: 'Percorso interrotto',
    INTERNSHIP_EXTENSION_REQUESTED: 'Proroga del tirocinio richiesta', OPERATOR_REASSIGNED: 'Operatore riassegnato',
    PLAN_VERSION_SAVED: 'Versione del piano salvata', ATTENDANCE_RECORDED: 'Presenza registrata',
    ATTENDANCE_CORRECTED: 'Presenza corretta', FILE_READ: 'Scheda letta', FILE_CHANGED: 'Scheda modificata',
    PARTICIPANT_REGISTERED: 'Persona registrata', PARTICIPANT_UPDATED: 'Persona aggiornata'
  };

  function outcome(code) {
    return code ? OUTCOMES[code] || code : '';
  }

  function event(code) {
    return EVENTS[code] || code || '';
  }

  /** The link to a pathway's audit page, its id shortened (the whole id in the title). */
  function pathwayLink(id) {
    const link = document.createElement('a');
    link.href = 'percorso.html?id=' + encodeURIComponent(id);
    link.textContent = id.substring(0, 8);
    link.title = id;
    link.className = 'codice';
    return link;
  }

  /** Details of an event (a JSON object) as "key: value" lines, text only. */
  function details(value) {
    if (value == null || typeof value !== 'object') {
      return value == null ? '' : String(value);
    }
    return Object.entries(value).filter(([, v]) => v != null)
        .map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join('\n');
  }

  /** Downloads an export, saying in #messaggio-scarica what became of it. */
  async function download(path, fallbackName) {
    const note = document.getElementById('messaggio-scarica');
    note.textContent = 'Preparazione del file…';
    note.dataset.status = '';
    const answer = await Pagine.download(path, fallbackName);
    note.textContent = answer.status === 200 ? 'Scaricato: ' + answer.name : Pagine.explain(answer);
    note.dataset.status = answer.status;
  }

  return {OUTCOMES, outcome, event, pathwayLink, details, download};
})();
