// The monitoring committee's indicators of a project and period: the figures with their definitions, and each
// distribution as a chart and a table for all, lab and plan participants side by side. Suppressed cells ("<5", "n.d.")
// are drawn as no bar and shown as such in the table (ADR 0040).
'use strict';

(() => {
  const COLUMNS = {all: 'Tutti i partecipanti', lab: 'Laboratorio', plan: 'Piano personalizzato'};
  const COLOURS = {all: '#4e79a7', lab: '#f28e2b', plan: '#59a14f'};
  const charts = [];
  let shown = 0;

  function params() {
    const p = new URLSearchParams({project: document.getElementById('project').value});
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    if (from) {
      p.set('from', from);
    }
    if (to) {
      p.set('to', to);
    }
    return p;
  }

  function downloads() {
    for (const [id, format] of [['scaricaCsv', 'csv'], ['scaricaPdf', 'pdf'], ['scaricaXlsx', 'xlsx']]) {
      const p = params();
      p.set('format', format);
      document.getElementById(id).href = '/api/reports/indicators/export?' + p;
    }
  }

  function figures(report) {
    const body = document.querySelector('#cifre tbody');
    body.replaceChildren();
    Pagine.figureRows(body, report.figures);
  }

  function stages(report) {
    document.getElementById('regolaFasi').textContent = 'Per ogni fase, le permanenze concluse nel periodo e la loro '
        + 'durata in giorni lavorativi del calendario del progetto; le scadenze del periodo mancate mentre il percorso '
        + 'era in quella fase.';
    const body = document.querySelector('#fasi tbody');
    body.replaceChildren();
    for (const s of report.stages) {
      const row = document.createElement('tr');
      row.dataset.stage = s.stage;
      Pagine.cell(row, s.label);
      for (const c of [s.stays, s.medianWorkingDays, s.p90WorkingDays, s.missedDeadlines]) {
        Pagine.cell(row, c.shown, c.suppressed ? 'numero riservato' : 'numero');
      }
      body.appendChild(row);
    }
  }

  function distribution(section, d) {
    const box = document.createElement('article');
    box.dataset.key = d.key;
    const title = document.createElement('h2');
    title.textContent = d.label;
    box.appendChild(title);
    const definition = document.createElement('p');
    definition.className = 'definizione';
    definition.textContent = d.definition;
    box.appendChild(definition);
    const holder = document.createElement('div');
    holder.className = 'grafico';
    const canvas = document.createElement('canvas');
    canvas.id = 'grafico-' + d.key;
    holder.appendChild(canvas);
    box.appendChild(holder);
    const table = document.createElement('table');
    table.id = 'tabella-' + d.key;
    const head = document.createElement('tr');
    for (const text of ['Voce'].concat(d.columns.map(c => COLUMNS[c] || c))) {
      const th = document.createElement('th');
      th.textContent = text;
      head.appendChild(th);
    }
    const thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = document.createElement('tbody');
    for (const r of d.rows) {
      const row = document.createElement('tr');
      row.dataset.code = r.code;
      Pagine.cell(row, r.label);
      r.cells.forEach(c => Pagine.cell(row, c.shown, c.suppressed ? 'numero riservato' : 'numero'));
      tbody.appendChild(row);
    }
    const total = document.createElement('tr');
    total.dataset.code = 'TOTAL';
    Pagine.cell(total, d.additive ? 'Totale' : 'Partecipanti (le righe non sommano al totale)');
    d.totals.forEach(c => Pagine.cell(total, c.shown, 'numero'));
    tbody.appendChild(total);
    table.appendChild(tbody);
    box.appendChild(table);
    section.appendChild(box);
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.rows.map(r => r.label),
        datasets: d.columns.map((c, i) => ({
          label: COLUMNS[c] || c,
          backgroundColor: COLOURS[c],
          data: d.rows.map(r => r.cells[i].suppressed ? null : r.cells[i].value)
        }))
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {legend: {position: 'bottom'}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
    }));
  }

  async function show() {
    downloads();
    const asked = ++shown;
    const answer = await Pagine.api('/api/reports/indicators?' + params());
    if (asked !== shown) {
      return;
    }
    charts.splice(0).forEach(c => c.destroy());
    const section = document.getElementById('distribuzioni');
    section.replaceChildren();
    document.querySelector('#cifre tbody').replaceChildren();
    if (answer.status !== 200) {
      Pagine.message(answer.status === 404 ? 'Progetto non trovato tra quelli che segui.' : Pagine.explain(answer),
          true);
      return;
    }
    Pagine.message('', false);
    const report = answer.body;
    document.getElementById('periodo').textContent = 'Progetto ' + report.projectCode + ', dal '
        + Pagine.day(report.from) + ' al ' + Pagine.day(report.to) + ' (calcolato il '
        + Pagine.moment(report.generatedAt) + '). ' + report.periodRule;
    document.getElementById('legenda').textContent = report.legend;
    figures(report);
    stages(report);
    report.distributions.forEach(d => distribution(section, d));
    document.body.dataset.ready = 'true';
  }

  function year(y) {
    document.getElementById('from').value = y + '-01-01';
    document.getElementById('to').value = y + '-12-31';
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    const projects = document.getElementById('project');
    const years = document.getElementById('anno');
    const now = new Date().getFullYear();
    for (let y = now; y >= now - 5; y--) {
      Pagine.option(years, String(y), String(y));
    }
    year(now);
    document.getElementById('to').value = new Date().toISOString().substring(0, 10);
    years.addEventListener('change', () => {
      year(years.value);
      show();
    });
    document.getElementById('filtri').addEventListener('submit', event => {
      event.preventDefault();
      show();
    });
    projects.addEventListener('change', show);
    Pagine.downloadLinks(['scaricaCsv', 'scaricaPdf', 'scaricaXlsx'], 'indicatori');
    show();
  }

  start();
})();
