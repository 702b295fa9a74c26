/*
 * erp-pathways (ADR 0026): what every webapp's config.js shares. The chrome in Italian (locales/it.json of each app;
 * 'en' stays available to a browser that asks for English only), Italian date formats (moment.js formats with the
 * Italian names of it.json's dateLocales: "2 dicembre 2026 16:30"), the first-login welcome message off.
 */
export default {
  app: {
    vendor: 'Percorsi ERP'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'it'
  },
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true
};
