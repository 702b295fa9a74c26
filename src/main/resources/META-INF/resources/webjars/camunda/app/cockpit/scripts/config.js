/* cockpit configuration of erp-pathways (replaces the file of the Camunda 7.24 webjar; ADR 0026): Italian chrome. */
import italian from '../../tasklist/scripts/italian.js';

export default { ...italian };
