// The committee's annual report of a year, for a project or every project together: whether it is a draft or which
// revision is published (by whom, when, why), its figures with their definitions, its files, and, for managers, the
// publication of the year or of a correction (issue 10, ADR 0040). The API decides who may read and publish.
'use strict';

(() => {
  let shown = 0;
  let current = null;

  function params() {
    const p = new URLSearchParams({year: document.getElementById('anno').value});
    const project = document.getElementById('project').value;
    if (project) {
      p.set('project', project);
    }
    return p;
  }

  function downloads() {
    for (const [id, format] of [['scaricaCsv', 'csv'], ['scaricaPdf', 'pdf'], ['scaricaXlsx', 'xlsx']]) {
      const p = params();
      p.set('format', format);
      document.getElementById(id).href = '/api/reports/annual/export?' + p;
    }
  }

  function clear() {
    document.querySelector('#cifre tbody').replaceChildren();
    document.querySelector('#revisioni tbody').replaceChildren();
    document.getElementById('stato').textContent = '';
    document.getElementById('legenda').textContent = '';
  }

  function state(report) {
    const scope = report.scope === 'ALL' ? 'tutti i progetti' : 'progetto ' + report.scope;
    const stato = document.getElementById('stato');
    stato.dataset.published = String(report.published);
    stato.textContent = report.published
        ? 'Relazione ' + report.year + ', ' + scope + ': revisione ' + report.revision + ' pubblicata da '
            + report.publishedBy + ' il ' + Pagine.moment(report.publishedAt)
            + (report.reason ? ' (motivo: ' + report.reason + ')' : '') + '.'
        : 'Relazione ' + report.year + ', ' + scope + ': bozza non pubblicata, cifre calcolate ora ('
            + Pagine.moment(report.indicators.generatedAt) + '): possono ancora cambiare.';
    document.getElementById('legenda').textContent = report.indicators.periodRule + ' ' + report.indicators.legend;
    const revisions = document.querySelector('#revisioni tbody');
    for (const r of report.revisions) {
      const row = document.createElement('tr');
      row.dataset.revision = r.revision;
      Pagine.cell(row, String(r.revision), 'numero');
      Pagine.cell(row, r.publishedBy);
      Pagine.cell(row, Pagine.moment(r.publishedAt));
      Pagine.cell(row, r.reason || (r.revision === 1 ? 'Prima pubblicazione' : ''));
      revisions.appendChild(row);
    }
    const correction = report.revisions.length > 0;
    document.getElementById('pubblicaButton').textContent = correction ? 'Pubblica una correzione (revisione '
        + (report.revisions.length + 1) + ')' : 'Pubblica la relazione';
    document.getElementById('motivo').required = correction;
  }

  function figures(report) {
    Pagine.figureRows(document.querySelector('#cifre tbody'), report.indicators.figures);
  }

  async function show() {
    downloads();
    const asked = ++shown;
    const answer = await Pagine.api('/api/reports/annual?' + params());
    if (asked !== shown) {
      return;
    }
    clear();
    current = null;
    if (answer.status !== 200) {
      const all = !document.getElementById('project').value;
      Pagine.message(answer.status === 403 && all
          ? 'La relazione di tutti i progetti è per chi li segue tutti: scegli un progetto.'
          : answer.status === 404 ? 'Progetto non trovato tra quelli che segui.' : Pagine.explain(answer), true);
      return;
    }
    Pagine.message('', false);
    current = answer.body;
    state(current);
    figures(current);
    document.body.dataset.ready = 'true';
  }

  async function publish(event) {
    event.preventDefault();
    if (!current) {
      return;
    }
    const reason = document.getElementById('motivo').value.trim();
    const project = document.getElementById('project').value;
    const answer = await Pagine.post('/api/reports/annual/publications', {year: current.year,
      project: project || null, reason: reason || null});
    if (answer.status === 201) {
      document.getElementById('motivo').value = '';
      await show();
      Pagine.message('Relazione pubblicata: revisione ' + answer.body.revision + '.', false);
      return;
    }
    Pagine.message(answer.status === 409 ? 'L\'anno ' + current.year + ' non è ancora concluso: la relazione si '
        + 'pubblica dal 1° gennaio successivo.' : answer.status === 400 && answer.body && answer.body.errors
        && answer.body.errors.some(e => e.field === 'reason') ? 'Per una correzione scrivi il motivo.'
        : Pagine.explain(answer), true);
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    const years = document.getElementById('anno');
    const now = new Date().getFullYear();
    for (let y = now - 1; y >= now - 6; y--) {
      Pagine.option(years, String(y), String(y));
    }
    Pagine.option(years, String(now), now + ' (in corso)');
    if (me.projects.length === 1) {
      document.getElementById('project').value = me.projects[0];
    }
    document.getElementById('sezionePubblica').hidden = !me.roles.includes('manager');
    document.getElementById('filtri').addEventListener('submit', event => {
      event.preventDefault();
      show();
    });
    years.addEventListener('change', show);
    document.getElementById('project').addEventListener('change', show);
    document.getElementById('pubblica').addEventListener('submit', publish);
    Pagine.downloadLinks(['scaricaCsv', 'scaricaPdf', 'scaricaXlsx'], 'relazione-annuale');
    show();
  }

  start();
})();
