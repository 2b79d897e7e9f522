// sonde HTML pages: sortable tables, and a record of script errors that tests can read.
(function () {
  'use strict';
  var root = document.documentElement;
  var errors = [];

  function recordError(text) {
    errors.push(String(text));
    root.setAttribute('data-sonde-errors', String(errors.length));
    var box = document.getElementById('sonde-errors');
    if (box) {
      box.hidden = false;
      box.textContent = 'Script errors on this page:\n' + errors.join('\n');
    }
  }

  // Capture phase also sees resources that fail to load (there should be none: the page needs no network).
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      recordError('failed to load ' + (target.src || target.href));
    } else {
      recordError(event.message + (event.lineno ? ' (line ' + event.lineno + ')' : ''));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) { recordError('unhandled rejection: ' + event.reason); });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      recordError('console.' + level + ': ' + Array.prototype.join.call(arguments, ' '));
      return original.apply(console, arguments);
    };
  });

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell ? (cell.getAttribute('data-v') !== null ? cell.getAttribute('data-v') : cell.textContent) : '';
    return type === 'num' ? parseFloat(raw) : raw.toLowerCase();
  }

  function sortTable(table, header, descending) {
    var index = Array.prototype.indexOf.call(header.parentNode.children, header);
    var type = header.getAttribute('data-type');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, type);
      var y = cellValue(b, index, type);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  /** The header row whose cells sort: the last one (a first row may only group columns). */
  function sortRow(table) {
    return table.tHead.rows[table.tHead.rows.length - 1];
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(sortRow(table).cells, function (header) {
      function activate() {
        // Numbers start highest first (the bottleneck on top), names A to Z; a second click reverses.
        var descending = header.getAttribute('aria-sort') ? header.getAttribute('aria-sort') === 'ascending'
                                                          : header.getAttribute('data-type') === 'num';
        sortTable(table, header, descending);
        if (table.id && history.replaceState) {
          history.replaceState(null, '', '#sort=' + header.getAttribute('data-key') + '-' + (descending ? 'desc' : 'asc'));
        }
      }
      header.addEventListener('click', activate);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter') { activate(); } });
    });
  }

  /** #sort=p99-desc in the address sorts the main table on load, so a sorted view can be shared. */
  function applySortFromAddress(table) {
    var match = /^#sort=([A-Za-z0-9]+)-(asc|desc)$/.exec(location.hash);
    if (!match) { return; }
    var header = sortRow(table).querySelector('th[data-key="' + match[1] + '"]');
    if (header) { sortTable(table, header, match[2] === 'desc'); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, makeSortable);
    var main = document.getElementById('main-table');
    if (main) { applySortFromAddress(main); }
    var rows = main ? main.tBodies[0].rows.length : 0;
    var charts = document.querySelectorAll('svg.chart polyline.curve').length;
    root.setAttribute('data-sonde-ready', rows + ' rows, ' + charts + ' charts');
  });
}());
