/*
 * Tasklist configuration of erp-pathways (replaces the file of the Camunda 7.24 webjar; ADR 0026).
 * Italian chrome (locales/it.json), Italian date formats, the welcome message off, the "Persona" plugin beside the
 * task form (scripts/person-plugin.js), the list sorted by due date unless the address says otherwise
 * (scripts/due-date-sorting.js), form-js's messages in Italian (scripts/form-messages.js).
 */
import italian from './italian.js';

export default {
  ...italian,
  app: {
    name: 'Tasklist',
    vendor: 'Percorsi ERP'
  },
  customScripts: ['scripts/person-plugin', 'scripts/due-date-sorting', 'scripts/form-messages'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prende in carico il compito selezionato'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'porta il cursore sul primo filtro'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'porta il cursore sul primo compito dell\'elenco'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'porta il cursore sul primo campo del modulo'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'apre la finestra per avviare un processo'
    }
  }
};
