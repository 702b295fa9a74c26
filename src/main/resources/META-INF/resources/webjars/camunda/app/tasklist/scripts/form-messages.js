/*
 * erp-pathways Tasklist (ADR 0026): Camunda Forms in Italian. Tasklist 7.24 renders them with form-js 1.8.7, whose
 * validation messages and few words of its own ("Select", "Search", "No results", the date picker) are English, with
 * no translation hook (Tasklist creates `new Form({ container })` and nothing more). So each form-js container
 * (.fjs-container) is watched and every text or attribute that is one of the English strings below is rewritten in
 * place to its Italian, numbers and patterns kept. In place: form-js (Preact) keeps the text nodes it made and sets
 * their text again when a message changes, and the observer then translates it again.
 * The date picker (flatpickr) gets Italian month and day names and weeks starting on Monday.
 */
const count = (n, one, many) => n + ' ' + (n === '1' ? one : many);

/** form-js's messages (core/Validator.js, Datetime.js): the English, what it carries (numbers, patterns), the Italian. */
const MESSAGES = [
  [/^Field is required\.$/, () => 'Il campo è obbligatorio.'],
  [/^Field must match pattern (.*)\.$/, (p) => 'Il campo deve rispettare il formato ' + p + '.'],
  [/^Field must have minimum value of (.*)\.$/, (n) => 'Il valore deve essere almeno ' + n + '.'],
  [/^Field must have maximum value of (.*)\.$/, (n) => 'Il valore deve essere al massimo ' + n + '.'],
  [/^Field must have minimum length of (\d+)\.$/,
    (n) => 'Il campo deve avere almeno ' + count(n, 'carattere', 'caratteri') + '.'],
  [/^Field must have maximum length of (\d+)\.$/,
    (n) => 'Il campo deve avere al massimo ' + count(n, 'carattere', 'caratteri') + '.'],
  [/^Field must be a valid +international phone number\./,
    () => 'Il campo deve essere un numero di telefono internazionale (es. +390212345678).'],
  [/^Field must be a valid email\.$/, () => 'Il campo deve essere un indirizzo e-mail valido.'],
  [/^Value is not a number\.$/, () => 'Il valore non è un numero.'],
  [/^Value is expected to be an integer\.$/, () => 'Il valore deve essere un numero intero.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (n) => 'Il valore può avere al massimo ' + count(n, 'cifra decimale', 'cifre decimali') + '.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (a, b) => 'Scegli un valore valido: i due più vicini sono ' + a + ' e ' + b + '.'],
  [/^Date and time must both be entered\.$/, () => 'Inserisci sia la data sia l\'ora.'],
  // the date field's placeholder, the browser's own date format (mm/dd/yyyy, dd/mm/yyyy...): g for giorno, a for anno
  [/^([dmy]+(?:[/.-][dmy]+)+)$/, (format) => format.replace(/d/g, 'g').replace(/y/g, 'a')]
];

/** form-js's words: select and tag list, number buttons, the footer's link. */
const WORDS = {
  Select: 'Seleziona',
  Search: 'Cerca',
  'No results': 'Nessun risultato',
  'All values selected': 'Tutti i valori sono già scelti',
  'Skip to search': 'Vai alla ricerca',
  'Remove tag': 'Togli',
  Increment: 'Aumenta',
  Decrement: 'Diminuisci',
  'Nothing to show.': 'Niente da mostrare.',
  'No content to show.': 'Nessun contenuto da mostrare.',
  'Powered by bpmn.io': 'Realizzato con bpmn.io'
};

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

const ITALIAN_CALENDAR = {
  weekdays: {
    shorthand: ['Dom', 'Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab'],
    longhand: ['Domenica', 'Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato']
  },
  months: {
    shorthand: ['Gen', 'Feb', 'Mar', 'Apr', 'Mag', 'Giu', 'Lug', 'Ago', 'Set', 'Ott', 'Nov', 'Dic'],
    longhand: ['Gennaio', 'Febbraio', 'Marzo', 'Aprile', 'Maggio', 'Giugno', 'Luglio', 'Agosto', 'Settembre',
      'Ottobre', 'Novembre', 'Dicembre']
  },
  firstDayOfWeek: 1,
  scrollTitle: 'Scorri per cambiare',
  toggleTitle: 'Fai clic per cambiare',
  yearAriaLabel: 'Anno',
  monthAriaLabel: 'Mese',
  time_24hr: true
};

/** The Italian of an English text of form-js, or null. */
function italian(text) {
  if (Object.prototype.hasOwnProperty.call(WORDS, text)) {
    return WORDS[text];
  }
  for (const [english, translated] of MESSAGES) {
    const found = english.exec(text);
    if (found) {
      return translated(...found.slice(1));
    }
  }
  return null;
}

function translateText(node) {
  const text = node.data.trim();
  const translated = text && italian(text);
  if (translated && translated !== text) {
    node.data = node.data.replace(text, translated);
  }
}

function translateAttribute(element, name) {
  const value = element.getAttribute(name);
  const translated = value && italian(value.trim());
  if (translated && translated !== value) {
    element.setAttribute(name, translated);
  }
}

function translateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    translateText(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    translateText(texts.currentNode);
  }
  [node, ...node.querySelectorAll('[placeholder], [title], [aria-label]')].forEach((element) =>
    ATTRIBUTES.forEach((name) => element.hasAttribute(name) && translateAttribute(element, name)));
}

const watched = new WeakSet();

function watch(container) {
  if (watched.has(container)) {
    return;
  }
  watched.add(container);
  italianCalendar();
  translateTree(container);
  new MutationObserver((records) => records.forEach((record) => {
    if (record.type === 'characterData') {
      translateText(record.target);
    } else if (record.type === 'attributes') {
      translateAttribute(record.target, record.attributeName);
    } else {
      record.addedNodes.forEach(translateTree);
    }
  })).observe(container, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

let calendarLocalized = false;

/** flatpickr (bundled with form-js, on window) in Italian, before form-js makes its first date picker. */
function italianCalendar() {
  if (!calendarLocalized && window.flatpickr) {
    window.flatpickr.localize(ITALIAN_CALENDAR);
    window.flatpickr.setDefaults({ ariaDateFormat: 'j F Y' });
    calendarLocalized = true;
  }
}

italianCalendar();
// Tasklist adds a form-js container each time it shows a task's or a start form
new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => {
  if (node.nodeType === Node.ELEMENT_NODE) {
    (node.matches('.fjs-container') ? [node] : node.querySelectorAll('.fjs-container')).forEach(watch);
  }
}))).observe(document.body, { childList: true, subtree: true });
