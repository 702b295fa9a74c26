// The access log of personal files for auditors and the privacy officer (GET /api/audit/access-log), paged.
'use strict';

(() => {
  const PAGE = 50;
  const FILTERS = ['project', 'participant', 'user', 'from', 'to'];
  let pages = null;
  let shown = 0;

  async function showLog() {
    const asked = ++shown;
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = document.getElementById(name).value.trim();
      if (value) {
        params.set(name, value);
      }
    }
    params.set('firstResult', pages.first);
    params.set('maxResults', PAGE);
    const answer = await Pagine.api('/api/audit/access-log?' + params);
    if (asked !== shown) {
      return; // a later request was made meanwhile: its answer is the one to show
    }
    const body = document.querySelector('#accessi tbody');
    body.replaceChildren();
    if (answer.status !== 200) {
      Pagine.message(answer.status === 403
          ? 'Il registro degli accessi è consultabile dai revisori e dal responsabile della protezione dei dati.'
          : Pagine.explain(answer), true);
      return;
    }
    Pagine.message('', false);
    for (const line of answer.body) {
      const row = document.createElement('tr');
      row.dataset.participant = line.participantId;
      Pagine.cell(row, Pagine.moment(line.at));
      Pagine.cell(row, line.participantId, 'codice');
      Pagine.cell(row, line.projectCode);
      Pagine.cell(row, line.userId);
      Pagine.cell(row, line.channel);
      body.appendChild(row);
    }
    document.getElementById('nessuno').hidden = answer.body.length > 0;
    pages.drawn(answer.body.length);
  }

  async function start() {
    const me = await Pagine.session();
    if (!me) {
      return;
    }
    Pagine.projects(me);
    const participant = new URLSearchParams(location.search).get('participant');
    if (participant) {
      document.getElementById('participant').value = participant;
    }
    pages = Pagine.pager(PAGE, showLog);
    showLog();
  }

  start();
})();
