// Shared by the staff pages: calls to /api in the webapps' session (ADR 0031), Italian labels, small helpers.
'use strict';

const Pagine = (() => {
  let csrfToken = null;

  /**
   * A request on /api in the browser's session, with its CSRF token; {@code options.headers} add to ours. A read
   * answered 401 while the page holds the session's token is asked once more: among the requests a page sends at
   * once, one was seen answered 401 by a session that answered the others (see the stop 18 note; the cause, a request
   * in flight at the login replacing its session, is fixed in ADR 0043); a second 401 stands.
   */
  async function request(path, options = {}) {
    const headers = Object.assign({'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
        options.headers);
    if (csrfToken) {
      headers['X-XSRF-TOKEN'] = csrfToken;
    }
    const init = Object.assign({credentials: 'same-origin'}, options, {headers});
    const response = await fetch(path, init);
    const read = !options.method || options.method === 'GET';
    if (response.status === 401 && csrfToken && read) {
      await new Promise(resolve => setTimeout(resolve, 300));
      return fetch(path, init);
    }
    return response;
  }

  /**
   * GET or other method on /api in the browser's session; resolves to {status, body, text}: the JSON body parsed
   * (null for another kind) and the body as text. Headers given in {@code options} are added to the session's own.
   */
  async function api(path, options = {}) {
    const response = await request(path, options);
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return {status: response.status, body, text};
  }

  let lastDownload = null;

  /**
   * Downloads what a GET on /api answers as a file, named as the answer says (Content-Disposition) or
   * {@code fallbackName}; resolves to {status, body} like {@link api} (body: the error, when there is one).
   */
  async function download(path, fallbackName) {
    const response = await request(path, {headers: {'Accept': '*/*'}});
    if (!response.ok) {
      const text = await response.text();
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (e) {
        body = null;
      }
      return {status: response.status, body};
    }
    const blob = await response.blob();
    const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') || '');
    const name = named ? decodeURIComponent(named[1]) : fallbackName;
    lastDownload = {name, type: response.headers.get('Content-Type'), blob};
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    return {status: response.status, body: null, name, size: blob.size};
  }

  /**
   * Who is logged in ({userId, roles, organisation, projects}), or null after showing how to log in. A stranger gets
   * a plain 401 (the API does not challenge our scripts, which say X-Requested-With), never the browser's login box.
   */
  async function session() {
    const answer = await api('/api/session');
    if (answer.status !== 200) {
      message('Per usare questa pagina accedi prima a <a href="/camunda/app/tasklist/default/">Tasklist</a>, '
          + 'poi ricarica la pagina.', true);
      return null;
    }
    csrfToken = answer.body.csrfToken;
    const user = document.getElementById('utente');
    if (user) {
      user.textContent = answer.body.userId + (answer.body.organisation ? ' · ' + answer.body.organisation : '');
    }
    return answer.body;
  }

  const FIELDS = {
    project: 'progetto', stage: 'fase', status: 'stato', overdue: 'scaduti', operator: 'operatore', sort: 'ordine',
    firstResult: 'pagina', maxResults: 'righe per pagina', q: 'ricerca', organisation: 'organizzazione',
    outcome: 'esito', participant: 'id pseudonimo', createdFrom: 'aperto dal', createdTo: 'aperto fino al',
    user: 'utente', from: 'dal', to: 'al', format: 'formato'
  };

  /** An error answer in words a person reads: which fields are wrong, or what is not allowed. */
  function explain(answer) {
    if (answer.status === 400 && answer.body && answer.body.errors && answer.body.errors.length) {
      return 'Controlla i campi: ' + answer.body.errors.map(e => FIELDS[e.field] || e.field).join(', ') + '.';
    }
    if (answer.status === 401) {
      return 'Sessione scaduta: accedi di nuovo a Tasklist.';
    }
    if (answer.status === 403) {
      return 'Il tuo ruolo non consente questa operazione.';
    }
    if (answer.status === 404) {
      return 'Non trovato, oppure non accessibile con il tuo profilo (404).';
    }
    return 'Si è verificato un errore (' + answer.status + '). Riprova tra poco.';
  }

  /** Shows a message (in the box {@code id}, the page's own by default); an empty one hides the box. */
  function message(html, isError, id = 'messaggio') {
    const box = document.getElementById(id);
    box.innerHTML = html;
    box.className = isError ? 'messaggio errore' : 'messaggio';
    box.hidden = !html;
  }

  const STAGES = {
    INTAKE: 'Presa in carico', DOCUMENTS: 'Documenti', ELIGIBILITY: 'Verifica dei requisiti',
    VERIFICATION: 'Verifica del CPI', OPERATOR_ASSIGNMENT: "Assegnazione all'operatore",
    FIRST_APPOINTMENT: 'Primo appuntamento', SKILLS_ASSESSMENT: 'Bilancio delle competenze', PLAN: 'Piano personalizzato',
    TRAINING: 'Formazione', INTERNSHIP: 'Tirocinio', PLACEMENT: 'Inserimento lavorativo', FOLLOW_UP: 'Monitoraggio',
    SELF_EMPLOYMENT: 'Autoimpiego', SOCIAL_INCLUSION: 'Inclusione sociale', CLOSED: 'Chiuso'
  };
  const STATUSES = {ACTIVE: 'Attivo', SUSPENDED: 'Sospeso', CLOSED: 'Chiuso'};

  function stage(code) {
    return STAGES[code] || code || '';
  }

  function status(code) {
    return STATUSES[code] || code || '';
  }

  const DAY = new Intl.DateTimeFormat('it-IT', {timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric'});
  const MOMENT = new Intl.DateTimeFormat('it-IT', {timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit'});

  function day(iso) {
    return iso ? DAY.format(new Date(iso)) : '';
  }

  function moment(iso) {
    return iso ? MOMENT.format(new Date(iso)) : '';
  }

  /** A table cell (text only: nothing from the API is read as HTML). */
  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
    return o;
  }

  /** Adds to the select {@code id} an option for each code of {@code labels} (code to label). */
  function choices(id, labels) {
    const select = document.getElementById(id);
    for (const [code, label] of Object.entries(labels)) {
      option(select, code, label);
    }
  }

  /** Fills the select #project with the projects the user serves (after its own options, e.g. "Tutti"). */
  function projects(me) {
    const select = document.getElementById('project');
    for (const code of [...me.projects].sort()) {
      option(select, code, code);
    }
  }

  /**
   * The paging of a list of {@code size} rows a page, drawn by {@code show}: the form #filtri shows the first page,
   * the buttons #precedenti and #successivi the pages around; {@code first} is the first row to ask for, and
   * {@code drawn(rows, paged)} sets the buttons and #pagina after a page (paged false: a list that is not paged).
   */
  function pager(size, show) {
    const state = {
      first: 0,
      drawn(rows, paged = true) {
        document.getElementById('precedenti').disabled = !paged || state.first === 0;
        document.getElementById('successivi').disabled = !paged || rows < size;
        document.getElementById('pagina').textContent = paged ? 'Pagina ' + (state.first / size + 1) : '';
      }
    };
    document.getElementById('filtri').addEventListener('submit', event => {
      event.preventDefault();
      state.first = 0;
      show();
    });
    document.getElementById('precedenti').addEventListener('click', () => {
      state.first = Math.max(0, state.first - size);
      show();
    });
    document.getElementById('successivi').addEventListener('click', () => {
      state.first += size;
      show();
    });
    return state;
  }

  /** POST of a JSON body on /api in the browser's session. */
  function post(path, body) {
    return api(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  }

  /**
   * The download links {@code ids} of a page fetch their href through {@link download} (the page's session) and
   * show what went wrong in the page's message box.
   */
  function downloadLinks(ids, fallbackName) {
    for (const id of ids) {
      document.getElementById(id).addEventListener('click', async event => {
        event.preventDefault();
        const answer = await download(event.currentTarget.getAttribute('href'), fallbackName);
        if (answer.status !== 200) {
          message(explain(answer), true);
        }
      });
    }
  }

  /** A report's figures as rows of {@code body}: label, the value as shown (a share with "%"), the definition. */
  function figureRows(body, figures) {
    for (const f of figures) {
      const row = document.createElement('tr');
      row.dataset.key = f.key;
      cell(row, f.label);
      cell(row, f.value.shown + (/Share$/.test(f.key) && !f.value.suppressed && f.value.value != null ? ' %' : ''),
          'numero');
      cell(row, f.definition, 'definizione');
      body.appendChild(row);
    }
  }

  /** What the last {@link download} saved: {name, type, blob}, or null. */
  function downloaded() {
    return lastDownload;
  }

  return {api, post, download, downloaded, downloadLinks, figureRows, choices, projects, pager, session, explain, message, stage, status, day, moment, cell, option, STAGES};
})();
