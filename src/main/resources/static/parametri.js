// Parametri del programma: reads /api/projects/{code}/parameters in the Camunda webapps' session (log in to Tasklist
// first) and changes one with PUT; every request sends the session's CSRF token, from GET /api/session, as
// X-XSRF-TOKEN (ADR 0031). Only managers and administrators see the form; the API refuses the others anyway.
(function () {
  'use strict';

  var FIELD_LABELS = {value: 'Valore', validFrom: 'Valido dal', reason: 'Motivo'};
  var WRITERS = ['manager', 'admin'];
  var state = {project: null, parameters: [], token: null};

  function el(id) {
    return document.getElementById(id);
  }

  function api(method, path, body) {
    var headers = {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
    if (state.token) {
      headers['X-XSRF-TOKEN'] = state.token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {
      method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return {status: response.status, ok: response.ok, json: json};
      });
    });
  }

  function show(text, kind) {
    var message = el('message');
    message.textContent = text;
    message.className = kind;
    message.hidden = !text;
  }

  function refusal(response) {
    switch (response.status) {
      case 401: return 'Sessione scaduta o assente: accedere prima a Tasklist (/camunda/app/tasklist/), poi ricaricare.';
      case 403: return 'Solo il responsabile del programma o l\'amministratore può modificare i parametri.';
      case 404: return 'Progetto o parametro non trovato.';
      case 409: return 'La modifica è in conflitto con un\'altra: ricaricare la pagina.';
      default: return 'Errore inatteso (' + response.status + '): riprovare più tardi.';
    }
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function withUnit(p, value) {
    return p.unit && p.type !== 'MONTH_LIST' && p.type !== 'VULNERABILITIES' ? value + ' ' + p.unit : value;
  }

  function italianDate(iso) {
    if (!iso) {
      return '';
    }
    var parts = iso.substring(0, 10).split('-');
    return parts[2] + '/' + parts[1] + '/' + parts[0];
  }

  function hint(p) {
    switch (p.type) {
      case 'FRACTION': return 'Una quota tra 0 e 1: una frazione (1/3) o un decimale con il punto (0.25).';
      case 'MONTH_LIST': return 'Mesi crescenti separati da virgole (es. 3,6,12), ciascuno tra ' + p.min + ' e ' + p.max + '.';
      case 'VULNERABILITIES': return 'Codici separati da virgole: MIGRANT, DISABILITY, FORMER_DETAINEE, ADDICTION, '
        + 'GENDER_VIOLENCE, OTHER.';
      case 'EURO': case 'PERCENT': case 'DECIMAL_HOURS':
        return 'Un numero tra ' + p.min + ' e ' + p.max + ' (' + p.unit + '), al massimo due decimali con il punto.';
      default: return 'Un numero intero tra ' + p.min + ' e ' + p.max + (p.unit ? ' (' + p.unit + ')' : '') + '.';
    }
  }

  function fieldError(field, text) {
    var target = document.querySelector('.field-error[data-field="' + field + '"]');
    if (target) {
      target.textContent = text;
    }
  }

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (e) { e.textContent = ''; });
  }

  function italianError(field, p) {
    switch (field) {
      case 'value': return 'Valore non valido. ' + (p ? hint(p) : '');
      case 'validFrom': return 'La data deve essere da oggi in poi (entro dieci anni).';
      case 'reason': return 'Indicare il motivo della modifica (al massimo 500 caratteri).';
      default: return 'Campo non valido.';
    }
  }

  function renderParameters(view) {
    state.parameters = view.parameters;
    el('day').textContent = 'Valori in vigore il ' + italianDate(view.day);
    var body = el('parameters').querySelector('tbody');
    body.textContent = '';
    var select = el('change-name');
    var selected = select.value;
    select.textContent = '';
    view.parameters.forEach(function (p) {
      var row = document.createElement('tr');
      row.dataset.name = p.name;
      row.className = p.source === 'PROJECT' ? 'project-value' : 'default-value';
      var name = cell(row, p.label, 'name');
      var key = document.createElement('small');
      key.textContent = p.name;
      name.appendChild(key);
      cell(row, withUnit(p, p.value), 'value');
      cell(row, p.source === 'PROJECT' ? italianDate(p.validFrom) : 'predefinito', 'valid-from');
      cell(row, withUnit(p, p.defaultValue), 'default');
      cell(row, p.scheduled.map(function (s) {
        return withUnit(p, s.value) + ' dal ' + italianDate(s.validFrom);
      }).join('; '), 'scheduled');
      var actions = cell(row, '', 'actions');
      var historyButton = document.createElement('button');
      historyButton.type = 'button';
      historyButton.className = 'history';
      historyButton.textContent = 'Storico';
      historyButton.addEventListener('click', function () { loadHistory(p); });
      var changeButton = document.createElement('button');
      changeButton.type = 'button';
      changeButton.className = 'change';
      changeButton.textContent = 'Modifica';
      changeButton.addEventListener('click', function () {
        select.value = p.name;
        onParameterChosen();
        el('change-value').focus();
      });
      actions.appendChild(historyButton);
      if (!el('change-form').hidden) {
        actions.appendChild(changeButton);
      }
      body.appendChild(row);

      var option = document.createElement('option');
      option.value = p.name;
      option.textContent = p.label + ' (' + p.name + ')';
      select.appendChild(option);
    });
    if (selected) {
      select.value = selected;
    }
    onParameterChosen();

    var elsewhere = el('elsewhere');
    elsewhere.textContent = '';
    view.elsewhere.forEach(function (s) {
      var item = document.createElement('li');
      item.dataset.name = s.name;
      var title = document.createElement('strong');
      title.textContent = s.label + ': ';
      item.appendChild(title);
      item.appendChild(document.createTextNode((s.value ? s.value : '—') + '. ' + s.note + ' ('));
      var link = document.createElement('a');
      link.href = s.href;
      link.textContent = s.href;
      item.appendChild(link);
      item.appendChild(document.createTextNode(')'));
      elsewhere.appendChild(item);
    });
  }

  function parameterNamed(name) {
    return state.parameters.filter(function (p) { return p.name === name; })[0];
  }

  function onParameterChosen() {
    var p = parameterNamed(el('change-name').value);
    el('change-hint').textContent = p ? 'In vigore: ' + withUnit(p, p.value) + '. ' + hint(p) : '';
  }

  function loadParameters() {
    return api('GET', '/api/projects/' + encodeURIComponent(state.project) + '/parameters').then(function (r) {
      if (!r.ok) {
        show(refusal(r), 'error');
        return;
      }
      renderParameters(r.json);
    });
  }

  function loadHistory(p) {
    api('GET', '/api/projects/' + encodeURIComponent(state.project) + '/parameters/' + encodeURIComponent(p.name)
      + '/history').then(function (r) {
      if (!r.ok) {
        show(refusal(r), 'error');
        return;
      }
      el('history-title').textContent = 'Storico: ' + p.label;
      var body = el('history').querySelector('tbody');
      body.textContent = '';
      if (r.json.length === 0) {
        var empty = document.createElement('tr');
        cell(empty, 'Nessuna modifica: vale il valore predefinito (' + withUnit(p, p.defaultValue) + ').').colSpan = 6;
        body.appendChild(empty);
      }
      r.json.forEach(function (c) {
        var row = document.createElement('tr');
        cell(row, withUnit(p, c.value));
        cell(row, c.previousValue === null ? '' : withUnit(p, c.previousValue));
        cell(row, italianDate(c.validFrom));
        cell(row, c.reason);
        cell(row, c.changedBy);
        cell(row, new Date(c.changedAt).toLocaleString('it-IT', {timeZone: 'Europe/Rome'}));
        body.appendChild(row);
      });
      el('history-section').hidden = false;
    });
  }

  function submitChange(event) {
    event.preventDefault();
    clearErrors();
    show('', '');
    var name = el('change-name').value;
    var p = parameterNamed(name);
    var body = {
      value: el('change-value').value,
      validFrom: el('change-valid-from').value || null,
      reason: el('change-reason').value
    };
    api('PUT', '/api/projects/' + encodeURIComponent(state.project) + '/parameters/' + encodeURIComponent(name), body)
      .then(function (r) {
        if (r.status === 400 && r.json && r.json.errors) {
          r.json.errors.forEach(function (e) { fieldError(e.field, italianError(e.field, p)); });
          show('La modifica non è stata salvata: correggere i campi indicati ('
            + r.json.errors.map(function (e) { return FIELD_LABELS[e.field] || e.field; }).join(', ') + ').', 'error');
          return;
        }
        if (!r.ok) {
          show(refusal(r), 'error');
          return;
        }
        el('change-value').value = '';
        el('change-reason').value = '';
        show('Modifica salvata: ' + r.json.label + ' = ' + withUnit(p, body.value.trim()) + (body.validFrom ? ' dal '
          + italianDate(body.validFrom) : ' da oggi') + '.', 'ok');
        return loadParameters().then(function () { loadHistory(parameterNamed(name)); });
      });
  }

  function start() {
    el('change-form').addEventListener('submit', submitChange);
    el('change-name').addEventListener('change', onParameterChosen);
    el('project').addEventListener('change', function () {
      state.project = el('project').value;
      el('history-section').hidden = true;
      loadParameters();
    });
    api('GET', '/api/session').then(function (session) {
      if (!session.ok) {
        show(refusal(session), 'error');
        return null;
      }
      state.token = session.json.csrfToken;
      var writer = session.json.roles.some(function (role) { return WRITERS.indexOf(role) >= 0; });
      el('change-form').hidden = !writer;
      el('read-only').hidden = writer;
      return api('GET', '/api/projects');
    }).then(function (r) {
      if (!r) {
        return;
      }
      if (!r.ok) {
        show(refusal(r), 'error');
        return;
      }
      var select = el('project');
      r.json.forEach(function (project) {
        var option = document.createElement('option');
        option.value = project.code;
        option.textContent = project.name + ' (' + project.code + ')';
        select.appendChild(option);
      });
      var wanted = new URLSearchParams(window.location.search).get('progetto');
      state.project = r.json.some(function (p) { return p.code === wanted; }) ? wanted
        : (r.json[0] ? r.json[0].code : null);
      if (!state.project) {
        show('Nessun progetto.', 'error');
        return;
      }
      select.value = state.project;
      loadParameters();
    });
  }

  start();
}());
