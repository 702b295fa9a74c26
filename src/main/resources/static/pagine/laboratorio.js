// The lab's own activity (issue 10): visits of registry participants or of visitors who give no consent (gender, age
// band and citizenship area only, and a foreigner's area of origin if given), the signals raised in them and to whom they were passed (ADR 0039).
'use strict';

(() => {
  const ACTIVITIES = {DESK: 'Sportello', COURTYARD_MEETING: 'Incontro in cortile', WORKSHOP: 'Laboratorio tematico',
    COMMUNITY_EVENT: 'Evento di comunità', ACCOMPANIMENT: 'Accompagnamento'};
  const CATEGORIES = {HOUSING: 'Casa', MAINTENANCE: 'Manutenzione', ARREARS: 'Morosità', SOCIAL_NEED: 'Bisogno sociale',
    HEALTH: 'Salute', WORK: 'Lavoro', DOCUMENTS: 'Documenti', CONFLICT: 'Conflitto', OTHER: 'Altro'};
  const RECIPIENTS = {'': 'Gestita dal laboratorio', SOCIAL_SERVICES: 'Servizi sociali', ALER: 'ALER', CPI: 'CPI',
    OTHER: 'Altri'};
  const OUTCOMES = {OPEN: 'Aperta', IN_PROGRESS: 'In corso', RESOLVED: 'Risolta', NOT_RESOLVED: 'Non risolta'};
  const BANDS = {'18_35': '18-35', '36_54': '36-54', '55_64': '55-64', '65_PLUS': '65 e oltre'};
  const AREAS = {IT: 'Italiana', EU: 'Unione europea', NON_EU: 'Paesi terzi', UNKNOWN: 'Non indicata'};
  const ORIGINS = {MAGHREB_NEAR_EAST: 'Magreb - Vicino Oriente', EASTERN_EUROPE: 'Europa orientale',
    SUB_SAHARAN_AFRICA: 'Africa subsahariana', ASIA: 'Asia', LATIN_AMERICA: 'America Latina', OTHER: 'Altri Paesi'};
  const FOREIGN = ['EU', 'NON_EU'];
  const FIELDS = {visitedOn: 'giorno', participantId: 'persona', visitor: 'visitatore', 'visitor.ageBand': "fascia d'età",
    'visitor.citizenshipArea': 'cittadinanza', 'visitor.originArea': 'area di provenienza', durationMinutes: 'durata', projectCode: 'progetto', category: 'tema'};
  let participant = null;

  function select(options, selected) {
    const s = document.createElement('select');
    for (const [code, label] of Object.entries(options)) {
      Pagine.option(s, code, label).selected = code === (selected || '');
    }
    return s;
  }

  function problem(answer) {
    if (answer.status === 400 && answer.body && answer.body.errors) {
      return 'Controlla: ' + answer.body.errors.map(e => FIELDS[e.field] || e.field).join(', ') + '.';
    }
    return answer.status === 403 ? 'Questa pagina è del laboratorio sociale: il tuo ruolo non registra accessi.'
        : Pagine.explain(answer);
  }

  function period() {
    const p = new URLSearchParams({project: document.getElementById('project').value, maxResults: 200});
    for (const name of ['from', 'to']) {
      const value = document.getElementById(name).value;
      if (value) {
        p.set(name, value);
      }
    }
    return p;
  }

  async function showVisits() {
    const answer = await Pagine.api('/api/lab/visits?' + period());
    const body = document.querySelector('#accessi tbody');
    body.replaceChildren();
    if (answer.status !== 200) {
      Pagine.message(problem(answer), true);
      return;
    }
    document.getElementById('nessunAccesso').hidden = answer.body.length > 0;
    for (const v of answer.body) {
      const row = document.createElement('tr');
      row.dataset.id = v.id;
      Pagine.cell(row, Pagine.day(v.visitedOn));
      Pagine.cell(row, ACTIVITIES[v.activityType] || v.activityType);
      Pagine.cell(row, v.durationMinutes, 'numero');
      Pagine.cell(row, v.participantId ? 'Persona dell\'anagrafe' : 'Visitatore');
      Pagine.cell(row, v.gender === 'F' ? 'Donna' : v.gender === 'M' ? 'Uomo' : '');
      Pagine.cell(row, v.age != null ? v.age + ' (' + (BANDS[v.ageBand] || v.ageBand) + ')' : BANDS[v.ageBand] || '');
      Pagine.cell(row, (AREAS[v.citizenshipArea] || v.citizenshipArea)
          + (ORIGINS[v.originArea] ? ' (' + ORIGINS[v.originArea] + ')' : ''));
      Pagine.cell(row, v.pathwayId ? 'avviato' : '');
      const td = document.createElement('td');
      const category = select(CATEGORIES);
      category.className = 'categoria';
      const to = select(RECIPIENTS);
      to.className = 'destinatario';
      const add = document.createElement('button');
      add.type = 'button';
      add.className = 'segnala';
      add.textContent = 'Aggiungi';
      add.addEventListener('click', () => raise(v.id, category.value, to.value));
      td.append(category, to, add);
      row.appendChild(td);
      body.appendChild(row);
    }
  }

  async function showSignals() {
    const answer = await Pagine.api('/api/lab/signals?' + period());
    const body = document.querySelector('#segnalazioni tbody');
    body.replaceChildren();
    if (answer.status !== 200) {
      return;
    }
    document.getElementById('nessunaSegnalazione').hidden = answer.body.length > 0;
    for (const s of answer.body) {
      const row = document.createElement('tr');
      row.dataset.id = s.id;
      Pagine.cell(row, Pagine.day(s.raisedOn));
      Pagine.cell(row, CATEGORIES[s.category] || s.category);
      Pagine.cell(row, RECIPIENTS[s.passedTo || ''] || s.passedTo);
      Pagine.cell(row, OUTCOMES[s.outcome] || s.outcome, 'esito');
      const td = document.createElement('td');
      const outcome = select(OUTCOMES, s.outcome);
      outcome.className = 'nuovoEsito';
      const save = document.createElement('button');
      save.type = 'button';
      save.className = 'salva';
      save.textContent = 'Salva';
      save.addEventListener('click', async () => {
        const answer = await Pagine.api('/api/lab/signals/' + s.id, {method: 'PUT',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({passedTo: s.passedTo, outcome: outcome.value})});
        Pagine.message(answer.status === 200 ? 'Esito aggiornato.' : problem(answer), answer.status !== 200);
        showSignals();
      });
      td.append(outcome, save);
      row.appendChild(td);
      body.appendChild(row);
    }
  }

  async function raise(visitId, category, passedTo) {
    const body = {category};
    if (passedTo) {
      body.passedTo = passedTo;
    }
    const answer = await Pagine.post('/api/lab/visits/' + visitId + '/signals', body);
    Pagine.message(answer.status === 201 ? 'Segnalazione registrata.' : problem(answer), answer.status !== 201);
    showSignals();
  }

  async function findPerson() {
    participant = null;
    const code = document.getElementById('fiscalCode').value.trim().toUpperCase();
    const found = document.getElementById('personaTrovata');
    const answer = await Pagine.api('/api/pathways/search?' + new URLSearchParams({q: code,
      project: document.getElementById('project').value}));
    if (answer.status !== 200 || answer.body.length === 0) {
      found.textContent = 'Nessuna persona con questo codice fiscale nel progetto.';
      return;
    }
    participant = answer.body[0].participantId;
    found.textContent = answer.body[0].firstName + ' ' + answer.body[0].lastName;
  }

  async function record(event) {
    event.preventDefault();
    const visit = {
      projectCode: document.getElementById('project').value,
      visitedOn: document.getElementById('visitedOn').value,
      activityType: document.getElementById('activityType').value,
      durationMinutes: Number(document.getElementById('durationMinutes').value)
    };
    if (document.getElementById('chiPersona').checked) {
      if (!participant) {
        Pagine.message('Cerca prima la persona con il suo codice fiscale.', true);
        return;
      }
      visit.participantId = participant;
    } else if (document.getElementById('chiVisitatore').checked) {
      visit.visitor = {ageBand: document.getElementById('ageBand').value || null,
        citizenshipArea: document.getElementById('citizenshipArea').value || null};
      const gender = document.getElementById('gender').value;
      if (gender) {
        visit.visitor.gender = gender;
      }
      const origin = document.getElementById('originArea').value;
      if (origin && FOREIGN.includes(visit.visitor.citizenshipArea)) {
        visit.visitor.originArea = origin;
      }
    } else {
      Pagine.message('Indica chi è venuto: una persona dell\'anagrafe o un visitatore senza consenso.', true);
      return;
    }
    const answer = await Pagine.post('/api/lab/visits', visit);
    Pagine.message(answer.status === 201 ? 'Accesso registrato.' : problem(answer), answer.status !== 201);
    if (answer.status === 201) {
      showVisits();
    }
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    const today = new Date().toISOString().substring(0, 10);
    document.getElementById('visitedOn').value = today;
    document.getElementById('from').value = today.substring(0, 8) + '01';
    document.getElementById('to').value = today;
    for (const [id, box] of [['chiPersona', 'persona'], ['chiVisitatore', 'visitatore']]) {
      document.getElementById(id).addEventListener('change', () => {
        document.getElementById('persona').hidden = box !== 'persona';
        document.getElementById('visitatore').hidden = box !== 'visitatore';
      });
    }
    document.getElementById('citizenshipArea').addEventListener('change', event => {
      document.getElementById('provenienza').hidden = !FOREIGN.includes(event.target.value);
    });
    document.getElementById('cercaPersona').addEventListener('click', findPerson);
    document.getElementById('accesso').addEventListener('submit', record);
    document.getElementById('filtri').addEventListener('submit', event => {
      event.preventDefault();
      showVisits();
      showSignals();
    });
    document.getElementById('project').addEventListener('change', () => {
      showVisits();
      showSignals();
    });
    showVisits();
    showSignals();
  }

  start();
})();
