/*
 * erp-pathways Tasklist plugins (ADR 0026), reading GET /api/tasks/{taskId}/context through the browser's Tasklist
 * session (ADR 0031: the session cookie and the webapps' CSRF token; no password in the page):
 * - "Persona", a tab beside a task's form (plugin point tasklist.task.detail): the pathway's project, stage, open
 *   deadlines and hours so far (courses, internship months) and, for roles that read personal files, the person's name, phone, e-mail and the pathway's recent case
 *   notes. The engine knows none of these; each read of the personal part is logged by the API in the participant's
 *   access log (channel TASKLIST).
 * Text is set with textContent only.
 */
const STAGES = {
  INTAKE: 'Presa in carico',
  ELIGIBILITY: 'Verifica dei requisiti',
  HANDOVER: 'Affidamento all\'operatore',
  ASSESSMENT: 'Bilancio delle competenze',
  PLAN: 'Piano personalizzato',
  TRAINING: 'Formazione',
  INTERNSHIP: 'Tirocinio',
  PLACEMENT: 'Inserimento lavorativo',
  FOLLOW_UP: 'Monitoraggio',
  SELF_EMPLOYMENT: 'Autoimpiego',
  SOCIAL_REFERRAL: 'Servizi sociali',
  CLOSED: 'Chiuso'
};
const STATUSES = { ACTIVE: 'attivo', SUSPENDED: 'sospeso', CLOSED: 'chiuso' };
const DEADLINES = {
  CALL_BACK: 'Richiamata',
  INTAKE_INTERVIEW: 'Colloquio di presa in carico',
  VERIFICATION: 'Verifica del CPI',
  DOCUMENTS: 'Documenti',
  OPERATOR_ASSIGNMENT: 'Assegnazione dell\'operatore',
  FIRST_APPOINTMENT: 'Primo appuntamento',
  SKILLS_ASSESSMENT: 'Bilancio delle competenze',
  SOCIAL_REFERRAL: 'Invio ai servizi sociali',
  PLAN_DRAFT: 'Bozza del piano',
  PLAN_SIGNATURE: 'Firma del piano',
  SELF_EMPLOYMENT_CHECK_IN: 'Verifica autoimpiego',
  SELF_EMPLOYMENT_OUTCOME: 'Esito autoimpiego',
  PLACEMENT_SEARCH: 'Ricerca del lavoro',
  FOLLOW_UP: 'Monitoraggio',
  ARREARS_REDUCTION: 'Riduzione della morosità',
  INTERNSHIP_END: 'Fine del tirocinio'
};
const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

function when(value) {
  return value ? DATE_TIME.format(new Date(value)) : '';
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter((child) => child !== null && child !== undefined).forEach((child) =>
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

function row(label, ...value) {
  return element('tr', {}, element('th', { scope: 'row' }, label), element('td', {}, ...value));
}

function cookie(name) {
  const found = document.cookie.split('; ').find((entry) => entry.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
}

function show(node, context) {
  const box = element('div', { class: 'erp-person', 'data-pathway': context.pathwayId });
  if (context.personalData && context.person) {
    const person = context.person;
    const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
    box.appendChild(element('h3', { class: 'erp-person-name' }, name));
    const contacts = element('table', { class: 'table table-condensed erp-person-contacts' });
    contacts.appendChild(row('Telefono', person.phone
      ? element('a', { href: 'tel:' + person.phone.replace(/[^+0-9]/g, ''), class: 'erp-person-phone' }, person.phone)
      : '—'));
    contacts.appendChild(row('E-mail', person.email
      ? element('a', { href: 'mailto:' + person.email, class: 'erp-person-email' }, person.email) : '—'));
    box.appendChild(contacts);
  } else {
    box.appendChild(element('p', { class: 'erp-person-restricted text-muted' },
      'Il tuo ruolo non vede i dati personali: qui solo il percorso.'));
  }
  const pathway = element('table', { class: 'table table-condensed erp-person-pathway' });
  pathway.appendChild(row('Progetto', context.projectCode));
  pathway.appendChild(row('Percorso', element('code', {}, context.pathwayId)));
  pathway.appendChild(row('Fase', (STAGES[context.stage] || context.stage || '—')
    + (context.status && context.status !== 'ACTIVE' ? ' (' + (STATUSES[context.status] || context.status) + ')' : '')));
  if (context.operatorOrganisation) {
    pathway.appendChild(row('Operatore', context.operatorOrganisation));
  }
  pathway.appendChild(row('Scadenza del compito', context.due ? when(context.due) : 'nessuna'));
  box.appendChild(pathway);

  box.appendChild(element('h4', {}, 'Scadenze aperte'));
  if (context.openDeadlines.length) {
    const list = element('ul', { class: 'erp-person-deadlines' });
    context.openDeadlines.forEach((deadline) => list.appendChild(element('li', {},
      (DEADLINES[deadline.kind] || deadline.kind) + ': ' + when(deadline.dueAt)
      + (deadline.thisTask ? ' (questo compito)' : ''))));
    box.appendChild(list);
  } else {
    box.appendChild(element('p', { class: 'text-muted' }, 'Nessuna scadenza aperta.'));
  }
  hours(box, context.hours);
  if (context.personalData) {
    box.appendChild(element('h4', {}, 'Note recenti'));
    if (context.notes && context.notes.length) {
      const notes = element('ul', { class: 'erp-person-notes' });
      context.notes.forEach((note) => notes.appendChild(element('li', {},
        element('small', { class: 'text-muted' }, when(note.createdAt) + ' · ' + note.author), element('br'),
        note.text)));
      box.appendChild(notes);
    } else {
      box.appendChild(element('p', { class: 'text-muted' }, 'Nessuna nota.'));
    }
  }
  node.replaceChildren(box);
}

// Hours so far: the signed plan's courses (register as corrected) and the internship's months.
function hours(box, found) {
  const courses = (found && found.courses) || [];
  const months = (found && found.internship) || [];
  if (!courses.length && !months.length) {
    return;
  }
  box.appendChild(element('h4', {}, 'Ore finora'));
  const table = element('table', { class: 'table table-condensed erp-person-hours' });
  table.appendChild(element('tr', {}, element('th', {}, ''), element('th', {}, 'Previste'),
    element('th', {}, 'Frequentate'), element('th', {}, '%')));
  courses.forEach((course) => table.appendChild(element('tr', { 'data-course': course.code },
    element('th', { scope: 'row' }, course.title + ' (' + course.code + ')'), element('td', {}, number(course.plannedHours)),
    element('td', {}, number(course.attendedHours)), element('td', {}, number(course.attendanceRate)))));
  months.forEach((month) => table.appendChild(element('tr', { 'data-month': month.month },
    element('th', { scope: 'row' }, 'Tirocinio, ' + month.month), element('td', {}, number(month.plannedHours)),
    element('td', {}, number(month.attendedHours)), element('td', {}, number(month.attendanceRate)))));
  box.appendChild(table);
}

function number(value) {
  return value == null ? '—' : Number(value).toLocaleString('it-IT', { maximumFractionDigits: 2 });
}

function failed(node, status) {
  const message = status === 404 ? 'Nessun percorso collegato a questo compito che tu possa vedere.'
    : status === 401 || status === 403 ? 'Sessione non valida per l\'API: esci e accedi di nuovo.'
      : 'Non è stato possibile leggere il percorso (errore ' + status + ').';
  node.replaceChildren(element('p', { class: 'erp-person-error text-danger' }, message));
}

function context(taskId, api, personal) {
  const token = (api && api.CSRFToken) || cookie('XSRF-TOKEN');
  return fetch('/api/tasks/' + encodeURIComponent(taskId) + '/context' + (personal ? '' : '?personal=false'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': token }
  }).then((response) => (response.ok ? response.json() : Promise.reject(response.status)));
}


export default [{
  id: 'erp-person',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before history (800): the form stays the tab Tasklist opens
  priority: 900,
  label: 'Persona',
  render: (node, { taskId, api }) => {
    node.replaceChildren(element('p', { class: 'text-muted' }, 'Caricamento…'));
    context(taskId, api, true).then((found) => show(node, found))
      .catch((status) => failed(node, typeof status === 'number' ? status : 0));
  }
}];
