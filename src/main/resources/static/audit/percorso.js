// A pathway's audit page (ADR 0038): what GET /api/pathways/{id}, its audit record and its verification, its plan
// versions and the diagrams of the processes it ran say, for the auditor; nothing is written.
'use strict';

(() => {
  const ENGINE_EVENTS = ['PROCESS_STARTED', 'PROCESS_ENDED', 'INSTANCE_MIGRATED', 'ACTIVITY_STARTED', 'ACTIVITY_ENDED',
    'TASK_CREATED', 'TASK_COMPLETED', 'TASK_CANCELLED', 'DECISION_EVALUATED', 'INCIDENT_CREATED', 'INCIDENT_RESOLVED',
    'JOB_FAILED', 'OPERATION', 'DEADLINE_CREATED'];
  const DEADLINE_STATES = {OPEN: 'Aperta', MET: 'Rispettata', MISSED: 'Superata', CANCELLED: 'Annullata'};
  const PLAN_STATES = {DRAFT: 'Bozza', SUBMITTED: 'Inviata al CPI', APPROVED: 'Approvata', REJECTED: 'Respinta',
    SIGNED: 'Firmata', LAPSED: 'Decaduta', CANCELLED: 'Annullata'};
  const CHANNELS = {LAB: 'Laboratorio', CPI_DESK: 'Sportello CPI', SELF_REGISTRATION: 'Autocandidatura'};
  const PAGE = 1000;

  const id = new URLSearchParams(location.search).get('id') || '';

  function table(tableId, rows, fill) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    for (const item of rows) {
      const row = document.createElement('tr');
      fill(row, item);
      body.appendChild(row);
    }
    if (!rows.length) {
      const row = document.createElement('tr');
      const cell = Pagine.cell(row, 'Nessuno.', 'vuoto');
      cell.colSpan = document.querySelectorAll('#' + tableId + ' thead th').length;
      body.appendChild(row);
    }
  }

  function entry(list, label, value) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value == null || value === '' ? '—' : String(value);
    list.append(dt, dd);
    return dd;
  }

  function euro(value) {
    return value == null ? '—' : Number(value).toLocaleString('it-IT', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  }

  /** The whole audit record, page after page. */
  async function auditRecord() {
    const events = [];
    for (let first = 0; ; first += PAGE) {
      const answer = await Pagine.api('/api/pathways/' + id + '/audit?firstResult=' + first + '&maxResults=' + PAGE);
      if (answer.status !== 200) {
        return answer;
      }
      events.push(...answer.body);
      if (answer.body.length < PAGE) {
        return {status: 200, body: events};
      }
    }
  }

  function showSummary(pathway) {
    document.getElementById('percorso-id').textContent = pathway.id;
    document.title = 'Percorso ' + pathway.id.substring(0, 8) + ' · Revisione';
    const list = document.getElementById('riepilogo');
    list.replaceChildren();
    entry(list, 'Progetto', pathway.projectCode);
    entry(list, 'Persona (id pseudonimo)', pathway.participantId).className = 'codice';
    entry(list, 'Canale', CHANNELS[pathway.channel] || pathway.channel);
    entry(list, 'Fase', Pagine.stage(pathway.stage));
    entry(list, 'Stato', Pagine.status(pathway.status));
    entry(list, 'Esito', Revisione.outcome(pathway.outcome));
    entry(list, 'Operatore accreditato', pathway.operatorOrganisation);
    entry(list, 'Aperto il', Pagine.moment(pathway.createdAt));
    entry(list, 'Consenso il', Pagine.moment(pathway.consentAt));
    entry(list, 'Chiuso il', Pagine.moment(pathway.closedAt));
    entry(list, 'Ritiro il', Pagine.day(pathway.withdrawalDate));
    entry(list, 'Motivi', (pathway.reasons || []).join(', '));
    entry(list, 'Invio a', pathway.referral);
    document.getElementById('accessi-persona').href = 'accessi.html?participant='
        + encodeURIComponent(pathway.participantId);
  }

  function showVerification(answer) {
    const box = document.getElementById('verifica');
    if (answer.status !== 200) {
      box.textContent = 'Verifica del registro non disponibile: ' + Pagine.explain(answer);
      box.className = 'verifica esito-ko';
      return;
    }
    const result = answer.body;
    box.dataset.valid = result.valid;
    if (result.valid) {
      box.textContent = 'Registro integro: ' + result.events + ' eventi, catena verificata.';
      box.className = 'verifica esito-ok';
    } else {
      box.textContent = "Registro alterato dall'evento " + result.firstBrokenAt
          + (result.firstBrokenOccurredAt ? ' (' + Pagine.moment(result.firstBrokenOccurredAt) + ')' : '')
          + (result.problem ? ': ' + result.problem : '') + '.';
      box.className = 'verifica esito-ko';
    }
  }

  function showStages(events, rootInstance) {
    const stages = new Map();
    for (const e of events) {
      if (e.processInstanceId !== rootInstance || (e.details || {}).activityType !== 'callActivity') {
        continue;
      }
      const key = e.details.activityInstanceId;
      const stage = stages.get(key) || {name: e.details.activityName || e.elementId};
      if (e.type === 'ACTIVITY_STARTED') {
        stage.started = e.at;
      } else if (e.type === 'ACTIVITY_ENDED') {
        stage.ended = e.at;
        stage.canceled = e.details.canceled;
      }
      stages.set(key, stage);
    }
    table('fasi', [...stages.values()], (row, s) => {
      Pagine.cell(row, s.name);
      Pagine.cell(row, Pagine.moment(s.started));
      Pagine.cell(row, s.ended ? Pagine.moment(s.ended) + (s.canceled ? ' (interrotta)' : '') : 'in corso');
    });
  }

  function showTasks(events) {
    const tasks = new Map();
    const task = taskId => {
      if (!tasks.has(taskId)) {
        tasks.set(taskId, {taskId});
      }
      return tasks.get(taskId);
    };
    for (const e of events) {
      const d = e.details || {};
      if (!d.taskId) {
        continue;
      }
      const t = task(d.taskId);
      if (e.type === 'TASK_CREATED') {
        Object.assign(t, {name: d.name, key: e.elementId, created: e.at, due: d.due});
      } else if (e.type === 'OPERATION' && d.operationType === 'Claim') {
        Object.assign(t, {claimedBy: e.actor, claimedAt: e.at});
      } else if (e.type === 'TASK_COMPLETED') {
        Object.assign(t, {completedBy: e.actor, completedAt: e.at, overdue: d.overdue, due: d.due || t.due});
      } else if (e.type === 'TASK_CANCELLED') {
        Object.assign(t, {cancelledAt: e.at, reason: d.reason});
      }
    }
    const now = new Date();
    table('compiti', [...tasks.values()].filter(t => t.created || t.completedAt), (row, t) => {
      row.dataset.task = t.key || '';
      Pagine.cell(row, t.name || t.key);
      Pagine.cell(row, Pagine.moment(t.created));
      Pagine.cell(row, t.claimedBy ? t.claimedBy + ' (' + Pagine.moment(t.claimedAt) + ')' : '—');
      Pagine.cell(row, t.completedBy || '—');
      Pagine.cell(row, Pagine.moment(t.completedAt) || '—');
      Pagine.cell(row, Pagine.moment(t.due) || '—');
      let verdict;
      if (t.completedAt) {
        verdict = t.due == null ? 'Senza scadenza' : t.overdue ? 'In ritardo' : 'In tempo';
      } else if (t.cancelledAt) {
        verdict = 'Annullato' + (t.reason ? ' (' + t.reason + ')' : '');
      } else {
        verdict = t.due && new Date(t.due) < now ? 'Aperto, scaduto' : 'Aperto';
      }
      Pagine.cell(row, verdict, verdict === 'In ritardo' || verdict === 'Aperto, scaduto' ? 'allarme' : '');
    });
  }

  function showDecisions(events) {
    table('decisioni', events.filter(e => e.type === 'DECISION_EVALUATED'), (row, e) => {
      const d = e.details || {};
      Pagine.cell(row, Pagine.moment(e.at));
      Pagine.cell(row, d.decisionKey);
      Pagine.cell(row, Revisione.details(d.inputs), 'dettagli');
      const outputs = d.outputs || [];
      Pagine.cell(row, outputs.length ? outputs.map(o => o.name + ': ' + JSON.stringify(o.value)).join('\n')
          : 'nessun risultato (vale il predefinito del modello)', 'dettagli');
      Pagine.cell(row, (d.matchedRules || []).length ? d.matchedRules.join(', ') : 'nessuna regola', 'codice');
      Pagine.cell(row, e.actor);
    });
  }

  function showClocks(pathway, events) {
    table('scadenze', pathway.deadlines || [], (row, d) => {
      Pagine.cell(row, d.element);
      Pagine.cell(row, d.kind);
      Pagine.cell(row, Pagine.day(d.startsOn));
      Pagine.cell(row, d.length + (d.basis === 'WORKING_DAYS' ? ' giorni lavorativi' : d.basis === 'CALENDAR_DAYS'
          ? ' giorni' : d.basis === 'MONTHS' ? ' mesi' : ' ' + (d.basis || '')) + (d.parameter ? ' (' + d.parameter + ')' : ''));
      Pagine.cell(row, Pagine.moment(d.originalDue));
      Pagine.cell(row, Pagine.moment(d.due));
      Pagine.cell(row, d.shiftedWorkingDays || d.shiftedCalendarDays
          ? d.shiftedWorkingDays + ' gg lavorativi, ' + d.shiftedCalendarDays + ' gg di calendario' : '—');
      Pagine.cell(row, DEADLINE_STATES[d.state] || d.state, d.state === 'MISSED' ? 'allarme' : '');
      Pagine.cell(row, Pagine.moment(d.closedAt) || '—');
    });
    table('sospensioni', pathway.suspensions || [], (row, s) => {
      Pagine.cell(row, s.reason + (s.projectOperationId ? ' (pausa del progetto)' : ''));
      Pagine.cell(row, Pagine.moment(s.suspendedAt));
      Pagine.cell(row, s.suspendedBy);
      Pagine.cell(row, Pagine.day(s.expectedResumption) || '—');
      Pagine.cell(row, Pagine.moment(s.resumedAt) || '—');
      Pagine.cell(row, s.resumedBy || '—');
      Pagine.cell(row, s.shiftedWorkingDays == null ? '—'
          : s.shiftedWorkingDays + ' gg lavorativi, ' + s.shiftedCalendarDays + ' gg di calendario');
    });
    table('eventi', events.filter(e => !ENGINE_EVENTS.includes(e.type)), (row, e) => {
      row.dataset.type = e.type;
      Pagine.cell(row, Pagine.moment(e.at));
      Pagine.cell(row, Revisione.event(e.type));
      Pagine.cell(row, e.actor);
      Pagine.cell(row, Revisione.details(e.details), 'dettagli');
    });
  }

  function showInternship(internship) {
    if (!internship) {
      return;
    }
    document.getElementById('tirocinio').hidden = false;
    const summary = document.getElementById('tirocinio-sintesi');
    summary.replaceChildren();
    entry(summary, 'Stato', internship.state);
    entry(summary, 'Inizio', Pagine.day(internship.startDate));
    entry(summary, 'Fine prevista', Pagine.day(internship.plannedEndDate));
    entry(summary, 'Fine attuale', Pagine.day(internship.endDate));
    entry(summary, 'Mesi concordati (massimo)', (internship.agreedMonths ?? '—') + ' (' + internship.maxMonths + ')');
    entry(summary, 'Interruzione', internship.terminationReason
        ? internship.terminationReason + ' (' + Pagine.day(internship.terminationDate) + ')' : '');
    table('proroghe', internship.extensions || [], (row, x) => {
      Pagine.cell(row, x.months, 'numero');
      Pagine.cell(row, x.reason);
      Pagine.cell(row, x.requestedBy);
      Pagine.cell(row, Pagine.moment(x.requestedAt));
      Pagine.cell(row, x.decision || 'in attesa');
      Pagine.cell(row, x.decidedBy || '—');
      Pagine.cell(row, Pagine.moment(x.decidedAt) || '—');
      Pagine.cell(row, Pagine.day(x.endBefore) || '—');
      Pagine.cell(row, Pagine.day(x.endAfter) || '—');
    });
  }

  function showPlan(versions, pathway) {
    table('piano', versions, (row, v) => {
      Pagine.cell(row, v.version);
      Pagine.cell(row, PLAN_STATES[v.status] || v.status);
      Pagine.cell(row, v.createdBy);
      Pagine.cell(row, Pagine.moment(v.createdAt));
      Pagine.cell(row, v.decidedBy ? v.decidedBy + ' (' + Pagine.moment(v.decidedAt) + ')' : '—');
      Pagine.cell(row, Pagine.day(v.approvedOn) || '—');
      Pagine.cell(row, Pagine.day(v.signedOn) || '—');
      Pagine.cell(row, euro(v.servicesTotal), 'numero');
      Pagine.cell(row, euro(v.indemnityCap), 'numero');
      Pagine.cell(row, v.amends || '—');
    });
    const hours = document.getElementById('ore');
    hours.replaceChildren();
    const training = pathway.training;
    const closure = pathway.closure;
    if (training) {
      entry(hours, 'Ore di formazione previste', training.plannedHours);
      entry(hours, 'Ore di formazione frequentate', training.attendedHours);
      for (const course of training.courses || []) {
        entry(hours, 'Corso ' + course.code, course.attendedHours + ' ore su ' + course.plannedHours);
      }
      const indemnity = training.indemnity || {};
      entry(hours, 'Indennità maturata (€)', euro(indemnity.accrued));
      entry(hours, 'Indennità liquidabile (€)', euro(indemnity.payable));
      entry(hours, 'Quota per la morosità (€)', euro(indemnity.arrearsShare));
      entry(hours, 'Alla persona (€)', euro(indemnity.toParticipant));
      entry(hours, 'Tetto raggiunto il', Pagine.day(indemnity.capReachedOn));
    }
    if (closure) {
      entry(hours, 'Alla chiusura: ore previste', closure.trainingHoursPlanned);
      entry(hours, 'Alla chiusura: ore frequentate', closure.trainingHoursAttended);
      entry(hours, 'Alla chiusura: indennità (€)', euro(closure.indemnity));
      entry(hours, 'Alla chiusura: quota per la morosità (€)', euro(closure.indemnityArrearsShare));
    }
    if (!training && !closure) {
      entry(hours, 'Formazione', 'nessuna ora registrata');
    }
  }

  function showRecord(events) {
    document.getElementById('numero-eventi').textContent = events.length;
    table('registro', events, (row, e) => {
      Pagine.cell(row, e.seq, 'numero');
      Pagine.cell(row, Pagine.moment(e.at));
      Pagine.cell(row, Revisione.event(e.type)).title = e.type;
      Pagine.cell(row, e.actor);
      Pagine.cell(row, e.elementId || '');
      Pagine.cell(row, Revisione.details(e.details), 'dettagli');
      Pagine.cell(row, (e.hash || '').substring(0, 12), 'codice').title = e.hash || '';
    });
  }

  /** One diagram a process instance: the BPMN of its definition, what ran marked, a count on each activity. */
  async function showDiagram(run, container) {
    const title = document.createElement('h3');
    title.className = 'diagramma-titolo';
    title.textContent = (run.name || run.key) + ' (' + run.key + ', versione ' + run.version + ') · avviato il '
        + Pagine.moment(run.startedAt) + (run.endedAt ? ', concluso il ' + Pagine.moment(run.endedAt) : ', in corso');
    const canvasBox = document.createElement('div');
    canvasBox.className = 'diagramma';
    canvasBox.dataset.processInstanceId = run.processInstanceId;
    canvasBox.dataset.key = run.key;
    container.append(title, canvasBox);
    const xml = await Pagine.api('/api/pathways/' + id + '/audit/diagrams/' + encodeURIComponent(run.processDefinitionId)
        + '/xml', {headers: {'Accept': 'application/xml, application/problem+json'}});
    if (xml.status !== 200) {
      canvasBox.textContent = 'Diagramma non disponibile: ' + Pagine.explain(xml);
      return;
    }
    const viewer = new BpmnJS({container: canvasBox});
    await viewer.importXML(xml.text);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    for (const [activityId, count] of Object.entries(run.activities)) {
      const elementId = activityId.replace(/#multiInstanceBody$/, '');
      if (elementId !== activityId && run.activities[elementId]) {
        continue; // the body of a multi-instance activity: its inner activity carries the count
      }
      if (!registry.get(elementId)) {
        continue;
      }
      canvas.addMarker(elementId, count.active > 0 ? 'percorso-attivo' : 'percorso-eseguito');
      const badge = document.createElement('span');
      badge.className = 'conteggio' + (count.active > 0 ? ' attivo' : '');
      badge.dataset.activity = elementId;
      badge.textContent = count.entered + (count.active > 0 ? ' · ' + count.active + ' in corso' : '');
      badge.title = 'Eseguita ' + count.entered + ' volte, completata ' + count.completed + ', in corso ' + count.active;
      overlays.add(elementId, 'conteggio', {position: {bottom: 8, right: 8}, html: badge});
    }
    canvas.zoom('fit-viewport');
    canvasBox.dataset.ready = 'true';
  }

  async function showDiagrams() {
    const container = document.getElementById('elenco-diagrammi');
    const answer = await Pagine.api('/api/pathways/' + id + '/audit/diagrams');
    if (answer.status !== 200) {
      container.textContent = 'Diagrammi non disponibili: ' + Pagine.explain(answer);
      return [];
    }
    for (const run of answer.body) {
      await showDiagram(run, container);
    }
    return answer.body;
  }

  function download(format) {
    return Revisione.download('/api/pathways/' + id + '/audit/export?format=' + format,
        'percorso-' + id + '.' + format);
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) {
      Pagine.message('Indica il percorso da consultare: apri questa pagina dalla <a href="index.html">ricerca</a>.',
          true);
      return;
    }
    const pathway = await Pagine.api('/api/pathways/' + id);
    if (pathway.status !== 200) {
      Pagine.message(pathway.status === 404
          ? 'Percorso non trovato, oppure non accessibile con il tuo profilo (404): nessun dato è mostrato.'
          : Pagine.explain(pathway), true);
      return;
    }
    document.getElementById('contenuto').hidden = false;
    showSummary(pathway.body);
    document.getElementById('scarica-csv').addEventListener('click', () => download('csv'));
    document.getElementById('scarica-pdf').addEventListener('click', () => download('pdf'));
    const [verification, record, plan] = await Promise.all([
      Pagine.api('/api/pathways/' + id + '/audit/verification'), auditRecord(),
      Pagine.api('/api/pathways/' + id + '/plan/versions')]);
    showVerification(verification);
    const events = record.status === 200 ? record.body : [];
    if (record.status !== 200) {
      Pagine.message('Registro di revisione non disponibile: ' + Pagine.explain(record), true);
    }
    showRecord(events);
    showTasks(events);
    showDecisions(events);
    showClocks(pathway.body, events);
    showInternship(pathway.body.internship);
    if (plan.status !== 200) {
      Pagine.message('Versioni del piano non disponibili: ' + Pagine.explain(plan), true);
    }
    showPlan(plan.status === 200 ? plan.body : [], pathway.body);
    const runs = await showDiagrams();
    const root = runs.find(r => !r.superProcessInstanceId) || {};
    showStages(events, root.processInstanceId || pathway.body.processInstanceId);
    document.getElementById('contenuto').dataset.ready = 'true';
  }

  start();
})();
