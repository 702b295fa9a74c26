// The pathway list (pseudonymous) and, for the roles that read personal files, the search by fiscal code or name.
'use strict';

(() => {
  const PAGE = 25;
  const SEARCHERS = ['lab', 'cpi', 'operator', 'social'];
  let pages = null;
  let shown = 0;

  function filters() {
    const params = new URLSearchParams();
    for (const name of ['project', 'stage', 'status', 'overdue', 'sort']) {
      const value = document.getElementById(name).value;
      if (value) {
        params.set(name, value);
      }
    }
    const operator = document.getElementById('operator').value.trim().toUpperCase();
    if (operator) {
      params.set('operator', operator);
    }
    params.set('firstResult', pages.first);
    params.set('maxResults', PAGE);
    return params;
  }

  async function showList() {
    const asked = ++shown;
    const answer = await Pagine.api('/api/pathways?' + filters());
    if (asked !== shown) {
      return; // a later request was made meanwhile: its answer is the one to show
    }
    const body = document.querySelector('#elenco tbody');
    body.replaceChildren();
    if (answer.status !== 200) {
      Pagine.message(Pagine.explain(answer), true);
      return;
    }
    Pagine.message('', false);
    for (const item of answer.body) {
      const row = document.createElement('tr');
      row.dataset.id = item.id;
      Pagine.cell(row, item.id.substring(0, 8), 'codice').title = item.id;
      Pagine.cell(row, item.projectCode);
      Pagine.cell(row, Pagine.stage(item.stage));
      Pagine.cell(row, Pagine.status(item.status));
      Pagine.cell(row, item.operatorOrganisation || '—');
      Pagine.cell(row, Pagine.day(item.createdAt));
      Pagine.cell(row, item.overdueDeadlines, item.overdueDeadlines > 0 ? 'numero allarme' : 'numero');
      Pagine.cell(row, Pagine.day(item.nextDue));
      body.appendChild(row);
    }
    document.getElementById('nessuno').hidden = answer.body.length > 0;
    pages.drawn(answer.body.length);
  }

  async function search(event) {
    event.preventDefault();
    const q = document.getElementById('q').value.trim();
    const params = new URLSearchParams({q});
    const project = document.getElementById('project').value;
    if (project) {
      params.set('project', project);
    }
    const answer = await Pagine.api('/api/pathways/search?' + params);
    const table = document.getElementById('risultati');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    if (answer.status !== 200) {
      table.hidden = true;
      Pagine.message(answer.status === 400
          ? 'Scrivi un codice fiscale (16 caratteri) oppure nome e/o cognome (almeno 2 lettere ciascuno).'
          : Pagine.explain(answer), true, 'messaggio-ricerca');
      return;
    }
    Pagine.message(answer.body.length ? '' : 'Nessuna persona trovata tra i percorsi che puoi vedere.', false,
        'messaggio-ricerca');
    for (const found of answer.body) {
      const row = document.createElement('tr');
      row.dataset.id = found.pathway.id;
      Pagine.cell(row, found.lastName);
      Pagine.cell(row, found.firstName);
      Pagine.cell(row, found.fiscalCode, 'codice');
      Pagine.cell(row, found.pathway.projectCode);
      Pagine.cell(row, Pagine.stage(found.pathway.stage));
      Pagine.cell(row, Pagine.status(found.pathway.status));
      Pagine.cell(row, found.pathway.operatorOrganisation || '—');
      Pagine.cell(row, found.pathway.id.substring(0, 8)).title = found.pathway.id;
      body.appendChild(row);
    }
    table.hidden = answer.body.length === 0;
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    Pagine.choices('stage', Pagine.STAGES);
    document.getElementById('ricerca').hidden = !me.roles.some(r => SEARCHERS.includes(r));
    document.getElementById('modulo-ricerca').addEventListener('submit', search);
    pages = Pagine.pager(PAGE, showList);
    showList();
  }

  start();
})();
