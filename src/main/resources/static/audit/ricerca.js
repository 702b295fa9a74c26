// The auditors' search of pathways (ADR 0038): GET /api/pathways with its filters, paged; by fiscal code
// (GET /api/pathways/search, recorded) only for the roles that read personal files; downloads of the results.
'use strict';

(() => {
  const PAGE = 25;
  const SEARCHERS = ['lab', 'cpi', 'operator', 'social'];
  const FILTERS = ['project', 'status', 'outcome', 'stage', 'createdFrom', 'createdTo', 'participant'];
  /** The criteria the export of the list takes, by their name there. */
  const EXPORTED = {project: 'project', status: 'status', outcome: 'outcome', createdFrom: 'from', createdTo: 'to'};
  /** Who may export the list. */
  const EXPORTERS = ['auditor', 'manager', 'admin'];
  let pages = null;
  let shown = 0;

  function filters() {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = document.getElementById(name).value.trim();
      if (value) {
        params.set(name, value);
      }
    }
    return params;
  }

  function row(item, body) {
    const tr = document.createElement('tr');
    tr.dataset.id = item.id;
    Pagine.cell(tr, '').appendChild(Revisione.pathwayLink(item.id));
    Pagine.cell(tr, item.projectCode);
    Pagine.cell(tr, Pagine.stage(item.stage));
    Pagine.cell(tr, Pagine.status(item.status));
    Pagine.cell(tr, Revisione.outcome(item.outcome) || '—');
    Pagine.cell(tr, item.operatorOrganisation || '—');
    Pagine.cell(tr, Pagine.day(item.createdAt));
    Pagine.cell(tr, Pagine.day(item.closedAt) || '—');
    body.appendChild(tr);
  }

  function showRows(items, paged) {
    const body = document.querySelector('#elenco tbody');
    body.replaceChildren();
    items.forEach(item => row(item, body));
    document.getElementById('nessuno').hidden = items.length > 0;
    pages.drawn(items.length, paged);
  }

  async function showList() {
    const asked = ++shown;
    const params = filters();
    params.set('sort', '-createdAt');
    params.set('firstResult', pages.first);
    params.set('maxResults', PAGE);
    const answer = await Pagine.api('/api/pathways?' + params);
    if (asked !== shown) {
      return; // a later request was made meanwhile: its answer is the one to show
    }
    if (answer.status !== 200) {
      showRows([], false);
      Pagine.message(Pagine.explain(answer), true);
      return;
    }
    Pagine.message('', false);
    showRows(answer.body, true);
  }

  async function searchPerson(event) {
    event.preventDefault();
    const fiscalCode = document.getElementById('fiscalCode').value.trim().toUpperCase();
    if (!/^[A-Z0-9]{16}$/.test(fiscalCode)) {
      Pagine.message('Scrivi un codice fiscale di 16 caratteri.', true);
      return;
    }
    const params = new URLSearchParams({q: fiscalCode});
    const project = document.getElementById('project').value;
    if (project) {
      params.set('project', project);
    }
    const asked = ++shown;
    const answer = await Pagine.api('/api/pathways/search?' + params);
    if (asked !== shown) {
      return;
    }
    if (answer.status !== 200) {
      Pagine.message(Pagine.explain(answer), true);
      return;
    }
    Pagine.message(answer.body.length ? '' : 'Nessun percorso per questo codice fiscale tra quelli che puoi vedere.',
        false);
    showRows(answer.body.map(found => found.pathway), false);
  }

  /** The export of the list (GET /api/audit/pathways): by project, status, outcome and days of opening. */
  function download(format) {
    const chosen = filters();
    const params = new URLSearchParams();
    for (const [name, exported] of Object.entries(EXPORTED)) {
      if (chosen.has(name)) {
        params.set(exported, chosen.get(name));
      }
    }
    params.set('format', format);
    return Revisione.download('/api/audit/pathways?' + params, 'percorsi.' + format);
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    Pagine.choices('stage', Pagine.STAGES);
    Pagine.choices('outcome', Revisione.OUTCOMES);
    // the fiscal code only for the roles that read personal files: the others never see the field
    if (me.roles.some(r => SEARCHERS.includes(r))) {
      document.getElementById('ricerca-persona').hidden = false;
      document.getElementById('modulo-persona').addEventListener('submit', searchPerson);
    } else {
      document.getElementById('ricerca-persona').remove();
    }
    pages = Pagine.pager(PAGE, showList);
    if (!me.roles.some(r => EXPORTERS.includes(r))) {
      document.getElementById('esporta').remove();
    }
    document.getElementById('scarica-csv')?.addEventListener('click', () => download('csv'));
    document.getElementById('scarica-pdf')?.addEventListener('click', () => download('pdf'));
    showList();
  }

  start();
})();
