/*
 * erp-pathways (ADR 0026): Tasklist lists a filter's tasks by creation date, newest first, unless the page's address
 * says otherwise (its "sorting" parameter; a filter's own ordering is overridden by it). Every shared filter is meant
 * to be read by due date, soonest first: when the address of the task list carries no sorting, this sets it. A sorting
 * the user picks is kept.
 */
const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDate() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const query = hash.indexOf('?');
  const params = new URLSearchParams(query < 0 ? '' : hash.substring(query + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', BY_DUE_DATE);
  window.location.replace((query < 0 ? hash : hash.substring(0, query)) + '?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();

export default [];
