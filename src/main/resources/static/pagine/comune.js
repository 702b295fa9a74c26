// Shared by the staff pages: calls to /api in the webapps' session (ADR 0031), Italian labels, small helpers.
'use strict';

const Pagine = (() => {
  let csrfToken = null;

  /**
   * GET or other method on /api in the browser's session; resolves to {status, body}. Headers given in
   * {@code options} are added to the session's own.
   */
  async function api(path, options = {}) {
    const headers = Object.assign({'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
        options.headers);
    if (csrfToken) {
      headers['X-XSRF-TOKEN'] = csrfToken;
    }
    const response = await fetch(path, Object.assign({credentials: 'same-origin'}, options, {headers}));
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return {status: response.status, body};
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
    firstResult: 'pagina', maxResults: 'righe per pagina', q: 'ricerca', organisation: 'organizzazione'
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

  /**
   * A file from /api in the browser's session (the session's token goes in a header, so a plain link cannot fetch it):
   * resolves to {status, blob, name}, the name from Content-Disposition.
   */
  async function file(path) {
    const headers = {'X-Requested-With': 'XMLHttpRequest'};
    if (csrfToken) {
      headers['X-XSRF-TOKEN'] = csrfToken;
    }
    const response = await fetch(path, {credentials: 'same-origin', headers});
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    return {status: response.status, blob: await response.blob(), name: match ? match[1] : 'file'};
  }

  /** Saves a file from /api as the browser's download; an error answer is shown in the page's message box. */
  async function download(path) {
    const answer = await file(path);
    if (answer.status !== 200) {
      let body = null;
      try {
        body = JSON.parse(await answer.blob.text());
      } catch (e) {
        body = null;
      }
      message(explain({status: answer.status, body}), true);
      return;
    }
    const url = URL.createObjectURL(answer.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = answer.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Links whose {@code href} is a file of /api: a click downloads it in the session. */
  function downloadLinks(...ids) {
    for (const id of ids) {
      document.getElementById(id).addEventListener('click', event => {
        event.preventDefault();
        download(event.currentTarget.getAttribute('href'));
      });
    }
  }

  /** Fills the select with the projects the user serves, sorted; returns it. */
  function projectOptions(select, me) {
    for (const code of [...me.projects].sort()) {
      option(select, code, code);
    }
    return select;
  }

  /** POST of a JSON body on /api in the browser's session. */
  function post(path, body) {
    return api(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  }

  return {api, post, file, download, downloadLinks, projectOptions, session, explain, message, stage, status, day, moment, cell, option,
    STAGES};
})();
