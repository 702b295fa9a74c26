// The caseload of a project's organisations (lab, CPI, accredited operators, social services, ALER), side by side,
// and of each of their members. A figure an organisation does not have (hours, idle pathways: accredited operators
// only) is shown as a dash.
'use strict';

(() => {
  const ROWS = [
    ['openPathways', 'Percorsi aperti'],
    ['openTasks', 'Compiti aperti'],
    ['overdueTasks', 'Compiti scaduti', true],
    ['dueSoonTasks', 'In scadenza entro 5 giorni lavorativi'],
    ['unclaimedTasks', 'Compiti non presi in carico'],
    ['hoursThisMonth', 'Ore erogate nel mese'],
    ['idlePathways', 'Percorsi senza attività da 30 giorni', true]
  ];
  const NONE = '—';
  const TYPES = {
    LAB: 'laboratorio',
    CPI: 'centro per l\'impiego',
    ACCREDITED_OPERATOR: 'operatore accreditato',
    MUNICIPALITY: 'servizi sociali',
    ALER: 'ALER'
  };
  let shown = 0;

  function header(organisations) {
    const row = document.querySelector('#organizzazioni thead tr');
    row.replaceChildren();
    const first = document.createElement('th');
    first.textContent = 'Voce';
    row.appendChild(first);
    for (const o of organisations) {
      const th = document.createElement('th');
      th.className = 'numero';
      th.textContent = o.name;
      th.title = o.organisation + ' · ' + (TYPES[o.type] || o.type);
      th.dataset.organisation = o.organisation;
      row.appendChild(th);
    }
  }

  function line(body, key, label, organisations, value, alarm) {
    const row = document.createElement('tr');
    row.dataset.key = key;
    Pagine.cell(row, label);
    for (const o of organisations) {
      const v = value(o);
      Pagine.cell(row, v == null ? NONE : v, alarm && Number(v) > 0 ? 'numero allarme' : 'numero')
          .dataset.organisation = o.organisation;
    }
    body.appendChild(row);
  }

  async function show() {
    const params = new URLSearchParams({project: document.getElementById('project').value});
    const organisation = document.getElementById('organisation').value;
    if (organisation) {
      params.set('organisation', organisation);
    }
    const asked = ++shown;
    const answer = await Pagine.api('/api/caseload?' + params);
    if (asked !== shown) {
      return; // a later request was made meanwhile: its answer is the one to show
    }
    const body = document.querySelector('#organizzazioni tbody');
    const people = document.querySelector('#persone tbody');
    body.replaceChildren();
    people.replaceChildren();
    if (answer.status !== 200) {
      Pagine.message(Pagine.explain(answer), true);
      return;
    }
    Pagine.message('', false);
    const report = answer.body;
    document.getElementById('periodo').textContent = 'Aggiornato al ' + Pagine.moment(report.asOf)
        + '. Ore dal ' + Pagine.day(report.monthFrom) + '; in scadenza fino al ' + Pagine.day(report.dueSoonUntil)
        + '; fermi se senza attività dal ' + Pagine.day(report.idleSince) + '.';
    const select = document.getElementById('organisation');
    if (!organisation) {
      select.replaceChildren();
      Pagine.option(select, '', 'Tutti, affiancati');
      for (const o of report.organisations) {
        Pagine.option(select, o.organisation, o.name + ' (' + (TYPES[o.type] || o.type) + ')');
      }
    }
    const organisations = report.organisations;
    header(organisations);
    const [open, ...others] = ROWS;
    line(body, open[0], open[1], organisations, o => o.openPathways);
    const stages = new Set();
    organisations.forEach(o => Object.keys(o.openByStage).forEach(s => stages.add(s)));
    for (const stage of Object.keys(Pagine.STAGES).filter(s => stages.has(s))
        .concat([...stages].filter(s => !(s in Pagine.STAGES)))) {
      line(body, 'stage-' + stage, '· ' + Pagine.stage(stage), organisations, o => o.openByStage[stage] || 0);
    }
    for (const [key, label, alarm] of others) {
      line(body, key, label, organisations, o => o[key], alarm);
    }
    for (const o of organisations) {
      for (const m of o.members) {
        const row = document.createElement('tr');
        row.dataset.user = m.userId;
        Pagine.cell(row, o.name);
        Pagine.cell(row, m.userId);
        Pagine.cell(row, m.openTasks, 'numero');
        Pagine.cell(row, m.overdueTasks, m.overdueTasks > 0 ? 'numero allarme' : 'numero');
        Pagine.cell(row, m.dueSoonTasks, 'numero');
        Pagine.cell(row, m.hoursThisMonth == null ? NONE : m.hoursThisMonth, 'numero');
        people.appendChild(row);
      }
    }
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    document.getElementById('filtri').addEventListener('submit', event => {
      event.preventDefault();
      show();
    });
    document.getElementById('project').addEventListener('change', () => {
      document.getElementById('organisation').value = '';
      show();
    });
    show();
  }

  start();
})();
