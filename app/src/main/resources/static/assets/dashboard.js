// Tributary dashboard: small enhancements over server-rendered pages (htmx does the partial updates).
(function () {
  'use strict';

  function flash(message) {
    var box = document.getElementById('flash');
    if (!box) { return; }
    box.textContent = message;
    box.hidden = false;
  }

  function errorText(xhr) {
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.errors) {
        return body.errors.map(function (e) { return (e.field ? e.field + ': ' : '') + e.message; }).join('; ');
      }
    } catch (notJson) { /* an HTML error page */ }
    if (xhr.status === 401) { return 'Your session has ended: log in again.'; }
    return 'The server answered ' + xhr.status + '. Try again, or reload the page.';
  }

  document.addEventListener('htmx:responseError', function (event) { flash(errorText(event.detail.xhr)); });
  document.addEventListener('htmx:sendError', function () { flash('The server could not be reached. Is Tributary running?'); });

  document.addEventListener('click', function (event) {
    var back = event.target.closest('a.back');
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
      return;
    }
    var button = event.target.closest('button.copy');
    if (button) {
      var target = button.parentElement.nextElementSibling;
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.textContent).then(function () {
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        }, function () { flash('Copying was refused by the browser: select the text and copy it by hand.'); });
      }
      return;
    }
    var row = event.target.closest('tr.entry');
    if (row) {
      document.querySelectorAll('tr.entry.selected').forEach(function (r) { r.classList.remove('selected'); });
      row.classList.add('selected');
    }
  });

  function text(value) { return value === null || value === undefined ? '—' : value; }

  function time(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '—'; }

  function tailRow(entry, names) {
    var row = document.createElement('tr');
    row.className = 'entry fresh';
    row.setAttribute('data-record-id', entry.recordId);
    row.setAttribute('hx-get', entry.link);
    row.setAttribute('hx-target', '#detail');
    row.setAttribute('hx-swap', 'innerHTML');
    var cells = [time(entry.receivedAt), time(entry.timestamp), entry.eventName || '(no event name)',
      names[entry.sourceId] || entry.sourceId, null, entry.profileId ? entry.profileId.substring(0, 10) + '…' : '—'];
    cells.forEach(function (value, index) {
      var cell = document.createElement('td');
      if (index === 4) {
        var badge = document.createElement('span');
        badge.className = 'badge status ' + entry.status;
        badge.textContent = entry.status;
        cell.appendChild(badge);
      } else {
        cell.textContent = text(value);
      }
      if (index === 2) { cell.className = 'event-name'; }
      row.appendChild(cell);
    });
    return row;
  }

  function liveTail() {
    var toggle = document.getElementById('live-tail');
    if (!toggle) { return; }
    var table = document.getElementById('event-log');
    var names = JSON.parse(table.getAttribute('data-source-names') || '{}');
    var status = document.getElementById('tail-status');
    var source = null;
    toggle.addEventListener('change', function () {
      if (source) { source.close(); source = null; }
      status.textContent = '';
      if (!toggle.checked) { return; }
      source = new EventSource(toggle.getAttribute('data-tail-url'));
      source.addEventListener('ready', function () { status.textContent = 'live: new events appear at the top'; });
      source.addEventListener('error', function () { status.textContent = 'live tail interrupted, reconnecting…'; });
      source.addEventListener('entry', function (message) {
        var entry = JSON.parse(message.data);
        var rows = document.getElementById('log-rows');
        var empty = document.getElementById('no-events');
        if (empty) { empty.remove(); }
        var row = tailRow(entry, names);
        rows.insertBefore(row, rows.firstChild);
        if (window.htmx) { window.htmx.process(row); }
      });
    });
  }

  function charts() {
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas.volume').forEach(function (canvas) {
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: JSON.parse(canvas.getAttribute('data-labels')),
          datasets: [{ label: 'events per hour', data: JSON.parse(canvas.getAttribute('data-counts')),
            backgroundColor: '#3b6fd8' }]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { x: { ticks: { maxTicksLimit: 12, autoSkip: true } }, y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }

  var PALETTE = ['#1f8a4c', '#c0392b', '#3b6fd8', '#b7791f', '#8e44ad', '#16a085', '#d35400', '#7f8c8d'];

  // The blended report's line charts: data-labels (days) and data-lines ([{label, values}], null for a gap).
  function reportCharts() {
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas.report-chart').forEach(function (canvas) {
      var lines = JSON.parse(canvas.getAttribute('data-lines'));
      new window.Chart(canvas, {
        type: 'line',
        data: {
          labels: JSON.parse(canvas.getAttribute('data-labels')),
          datasets: lines.map(function (line, index) {
            var color = PALETTE[index % PALETTE.length];
            return { label: line.label, data: line.values, borderColor: color, backgroundColor: color,
              borderWidth: index === 0 ? 3 : 2, pointRadius: 2, tension: 0.2, spanGaps: false };
          })
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: { ticks: { maxTicksLimit: 10, autoSkip: true } }, y: { beginAtZero: true } } }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    liveTail();
    charts();
    reportCharts();
  });
})();

// Identity actions (merge, split, quarantine): a form with data-confirm asks before it is sent.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-confirm]');
    if (form && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
}());
