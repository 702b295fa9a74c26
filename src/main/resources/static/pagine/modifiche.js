// Managers' tools for a model change (ADR 0029): what a changed decision would decide differently on recent real
// inputs, and moving running instances onto another version. Every rule is the API's; the page asks and shows.
'use strict';

(() => {
  const FIELDS = {
    file: 'File', last: 'Ultime valutazioni', project: 'Progetto', processKey: 'Processo',
    sourceVersion: 'Dalla versione', targetVersion: 'Alla versione', mappings: 'Corrispondenze'
  };
  const OUTCOMES = {
    RUNNING: 'in corso', COMPLETED: 'completato', FAILED: 'non riuscito: alcune istanze sono rimaste',
    NOTHING_TO_MOVE: 'nessuna istanza da spostare'
  };
  const el = id => document.getElementById(id);
  /** What the last dry run was asked: "Sposta" runs exactly that, and only while the form still says so. */
  let tried = null;

  /** Shows lines of text (never HTML: they may quote a file or an activity id) in a message box. */
  function show(id, lines, isError) {
    const box = el(id);
    box.replaceChildren();
    for (const line of [].concat(lines)) {
      const p = document.createElement('p');
      p.textContent = line;
      p.style.margin = '.2em 0';
      box.appendChild(p);
    }
    box.className = isError ? 'messaggio errore' : 'messaggio';
    box.hidden = lines.length === 0;
  }

  /** A refusal in words: each field named in Italian with the API's reason, or what is not allowed. */
  function refusal(answer, notFound) {
    if (answer.status === 400 && answer.body && answer.body.errors && answer.body.errors.length) {
      return ['Non si può fare:'].concat(answer.body.errors.map(e => label(e.field) + ': ' + e.message));
    }
    if (answer.status === 404) {
      return [notFound];
    }
    return [Pagine.explain(answer)];
  }

  function count(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function label(field) {
    const mapping = /^mappings\[(\d+)]\.(from|to)$/.exec(field || '');
    if (mapping) {
      return 'Corrispondenza ' + (Number(mapping[1]) + 1) + ', attività '
          + (mapping[2] === 'from' ? 'di partenza' : 'della nuova versione');
    }
    return FIELDS[field] || field;
  }

  // ------------------------------------------------------------------ effect of a changed decision

  async function assess(event) {
    event.preventDefault();
    const file = el('dmnFile').files[0];
    el('dettaglioEffetto').hidden = true;
    if (!file) {
      show('esitoEffetto', ['Scegli il file .dmn modificato.'], true);
      return;
    }
    const data = new FormData();
    data.append('file', file);
    const params = new URLSearchParams({last: el('last').value});
    if (el('impactProject').value) {
      params.set('project', el('impactProject').value);
    }
    const key = el('decisionKey').value;
    show('esitoEffetto', ['Valutazione in corso…'], false);
    const answer = await Pagine.api('/api/admin/decisions/' + encodeURIComponent(key) + '/impact?' + params,
        {method: 'POST', body: data});
    if (answer.status !== 200) {
      show('esitoEffetto', refusal(answer, 'La decisione «' + key + '» non è tra quelle in uso, o il progetto non è '
          + 'tra i tuoi.'), true);
      return;
    }
    const impact = answer.body;
    show('esitoEffetto', [impact.summary], false);
    el('conteggi').textContent = 'Valutazioni considerate: ' + impact.evaluated + ' (versione in uso: '
        + impact.deployedVersion + '). Cambierebbero esito: ' + impact.changed + '. Che la versione in uso oggi '
        + 'deciderebbe in modo diverso da allora (fatte da una versione precedente): ' + impact.notAsRecorded + '.';
    counted('transizioni', impact.transitions.map(t => [t.fromLabel, t.toLabel, t.count]));
    counted('mancanti', impact.missingInputs.map(m => [m.label, m.input, m.count]));
    el('dettaglioEffetto').hidden = false;
  }

  /** Fills table {@code id} with rows of two labels and a count; hidden when there is none. */
  function counted(id, rows) {
    const body = el(id).querySelector('tbody');
    body.replaceChildren();
    for (const [first, second, count] of rows) {
      const row = document.createElement('tr');
      Pagine.cell(row, first);
      Pagine.cell(row, second);
      Pagine.cell(row, count, 'numero');
      body.appendChild(row);
    }
    el(id).hidden = rows.length === 0;
  }

  // ------------------------------------------------------------------ moving instances to another version

  /** The request the form describes now. */
  function request() {
    const mappings = [...el('corrispondenze').querySelectorAll('tbody tr')]
        .map(row => ({from: row.querySelector('.da').value.trim(), to: row.querySelector('.a').value.trim()}))
        .filter(m => m.from || m.to);
    return {
      processKey: el('processKey').value, sourceVersion: Number(el('sourceVersion').value),
      targetVersion: Number(el('targetVersion').value), mappings
    };
  }

  /** Any change to the form after a dry run: "Sposta" waits for a new one. */
  function changed() {
    tried = null;
    el('sposta').disabled = true;
  }

  function addMapping() {
    const row = document.createElement('tr');
    for (const [name, hint] of [['da', 'es. Task_Second'], ['a', 'es. Task_Check']]) {
      const td = document.createElement('td');
      const input = document.createElement('input');
      input.className = name;
      input.placeholder = hint;
      input.addEventListener('input', changed);
      td.appendChild(input);
      row.appendChild(td);
    }
    const td = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Togli';
    remove.addEventListener('click', () => {
      row.remove();
      el('corrispondenze').hidden = !el('corrispondenze').querySelector('tbody tr');
      changed();
    });
    td.appendChild(remove);
    row.appendChild(td);
    el('corrispondenze').querySelector('tbody').appendChild(row);
    el('corrispondenze').hidden = false;
    changed();
  }

  function versions(models, key) {
    const model = models.find(m => m.key === key);
    const latest = model ? model.version : 0;
    for (const [id, chosen] of [['sourceVersion', latest - 1], ['targetVersion', latest]]) {
      const select = el(id);
      select.replaceChildren();
      for (let v = latest; v >= 1; v--) {
        Pagine.option(select, v, v === latest ? v + ' (l\'ultima)' : String(v));
      }
      select.value = String(Math.max(chosen, 1));
    }
    changed();
  }

  function instances(result) {
    const body = el('istanze').querySelector('tbody');
    body.replaceChildren();
    for (const i of result.instances) {
      const row = document.createElement('tr');
      row.dataset.id = i.processInstanceId;
      Pagine.cell(row, i.processInstanceId);
      Pagine.cell(row, i.projectCode);
      Pagine.cell(row, i.canMove ? 'Sì' : 'No', i.canMove ? '' : 'allarme');
      Pagine.cell(row, i.reasons.join('; '));
      body.appendChild(row);
    }
    el('istanze').hidden = result.instances.length === 0;
  }

  async function tryMove() {
    const asked = request();
    changed();
    show('esitoSposta', ['Prova in corso…'], false);
    const answer = await Pagine.post('/api/admin/migrations', Object.assign({dryRun: true}, asked));
    if (answer.status !== 200) {
      el('istanze').hidden = true;
      show('esitoSposta', refusal(answer, 'Il processo «' + asked.processKey + '» non è tra i modelli in uso.'), true);
      return;
    }
    const result = answer.body;
    instances(result);
    if (result.instances.length === 0) {
      show('esitoSposta', ['Nessuna istanza dei tuoi progetti è sulla versione ' + result.sourceVersion + '.'], false);
      return;
    }
    show('esitoSposta', ['Prova: ' + count(result.canMove, 'istanza si può spostare', 'istanze si possono spostare')
        + ' dalla versione ' + result.sourceVersion + ' alla ' + result.targetVersion + ', ' + result.cannotMove
        + ' no (il perché è nella tabella). Niente è stato spostato: per farlo premi «Sposta».'], false);
    tried = asked;
    el('sposta').disabled = false;
  }

  async function move() {
    const asked = tried;
    if (!asked || JSON.stringify(asked) !== JSON.stringify(request())) {
      changed();
      return;
    }
    if (!window.confirm('Spostare le istanze che si possono spostare del processo «' + asked.processKey
        + '» dalla versione ' + asked.sourceVersion + ' alla ' + asked.targetVersion + '? Le altre restano dove '
        + 'sono. Lo spostamento è registrato a tuo nome.')) {
      return;
    }
    changed();
    const answer = await Pagine.post('/api/admin/migrations', Object.assign({dryRun: false}, asked));
    if (answer.status !== 202) {
      show('esitoSposta', refusal(answer, 'Il processo «' + asked.processKey + '» non è tra i modelli in uso.'), true);
      return;
    }
    const result = answer.body;
    instances(result);
    show('esitoSposta', [result.canMove === 0
        ? 'Nessuna istanza si poteva spostare: nulla è cambiato (lo spostamento è registrato).'
        : 'Spostamento avviato: ' + count(result.canMove, 'istanza passa', 'istanze passano') + ' alla versione '
            + result.targetVersion + ' in un lotto del motore; '
            + count(result.cannotMove, 'resta', 'restano') + ' sulla versione ' + result.sourceVersion
            + '. L\'esito è nell\'elenco qui sotto («Aggiorna»).'], false);
    await history();
  }

  async function history() {
    const answer = await Pagine.api('/api/admin/migrations');
    if (answer.status !== 200) {
      return answer;
    }
    const body = el('migrazioni').querySelector('tbody');
    body.replaceChildren();
    for (const m of answer.body) {
      const row = document.createElement('tr');
      row.dataset.id = m.id;
      Pagine.cell(row, Pagine.moment(m.requestedAt));
      Pagine.cell(row, m.requestedBy);
      Pagine.cell(row, m.processKey);
      Pagine.cell(row, m.sourceVersion, 'numero');
      Pagine.cell(row, m.targetVersion, 'numero');
      Pagine.cell(row, m.mappings.map(p => p.from + ' → ' + p.to).join(', '));
      Pagine.cell(row, m.instanceCount, 'numero');
      Pagine.cell(row, m.skippedCount, 'numero');
      Pagine.cell(row, OUTCOMES[m.outcome] || m.outcome, m.outcome === 'FAILED' ? 'allarme' : '');
      Pagine.cell(row, Pagine.moment(m.finishedAt));
      body.appendChild(row);
    }
    el('migrazioni').hidden = answer.body.length === 0;
    el('nessunaMigrazione').hidden = answer.body.length > 0;
    return answer;
  }

  // ------------------------------------------------------------------ start

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    // the list of past migrations answers who may use these tools (managers and admins): the API decides
    const past = await history();
    if (past.status === 403) {
      Pagine.message('Questa pagina è riservata ai responsabili di programma e agli amministratori.', true);
      return;
    }
    const modelsAnswer = await Pagine.api('/api/admin/models');
    if (past.status !== 200 || modelsAnswer.status !== 200) {
      Pagine.message(Pagine.explain(past.status !== 200 ? past : modelsAnswer), true);
      return;
    }
    const models = modelsAnswer.body;
    const query = new URLSearchParams(location.search);
    for (const m of models.filter(m => m.kind === 'decision')) {
      Pagine.option(el('decisionKey'), m.key, m.key + ' (versione in uso ' + m.version + ')');
    }
    if (query.get('decisione')) {
      el('decisionKey').value = query.get('decisione');
    }
    for (const code of [...me.projects].sort()) {
      Pagine.option(el('impactProject'), code, code);
    }
    const processes = models.filter(m => m.kind === 'process');
    for (const m of processes) {
      Pagine.option(el('processKey'), m.key, m.key);
    }
    if (query.get('processo')) {
      el('processKey').value = query.get('processo');
    }
    versions(processes, el('processKey').value);
    el('processKey').addEventListener('change', () => versions(processes, el('processKey').value));
    el('sourceVersion').addEventListener('change', changed);
    el('targetVersion').addEventListener('change', changed);
    el('formEffetto').addEventListener('submit', assess);
    el('aggiungiCorrispondenza').addEventListener('click', addMapping);
    el('prova').addEventListener('click', tryMove);
    el('sposta').addEventListener('click', move);
    el('aggiorna').addEventListener('click', history);
    el('strumenti').hidden = false;
  }

  start().catch(() => Pagine.message('Non è stato possibile preparare la pagina. Riprova tra poco.', true));
})();
