/*
 * erp-pathways Tasklist (ADR 0026): the task list opens sorted by due date, soonest first (then oldest first), when
 * its address names no sorting. Tasklist 7.24 takes the order of the list only from the `sorting` parameter of its
 * hash route (#/?filter=...&sorting=[...]) and, finding none, writes "created, newest first" there
 * (cam-tasklist-sorting-choices.js). Our shared filters store no order: the engine would put it before this one,
 * and the user's sorting would then never change the list.
 *
 * Custom scripts are loaded before Tasklist starts AngularJS, into the module it keeps for them
 * (cam.tasklist.custom). On every location change to the list (route '/') without a sorting, this listener adds ours
 * to the address, replacing the history entry: AngularJS drops a location change that a $locationChangeStart
 * listener altered and starts it again with the new address, so the list's controller and its sorting header only
 * ever read ours. A sorting already in the address (the user's choice, a bookmark) is left as it is.
 */
const DUE_DATE_FIRST = JSON.stringify([
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'created', sortOrder: 'asc' }
]);

window.angular.module('cam.tasklist.custom').run(['$rootScope', '$location', ($rootScope, $location) => {
  $rootScope.$on('$locationChangeStart', () => {
    if ($location.path() === '/' && !$location.search().sorting) {
      $location.search('sorting', DUE_DATE_FIRST).replace();
    }
  });
}]);
