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
        if (table.id) {
          setAddressPart('sort', header.getAttribute('data-key') + '-' + (descending ? 'desc' : 'asc'));
        }
      }
      header.addEventListener('click', activate);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter') { activate(); } });
    });
  }

  /** The address keeps the view (#sort=p99-desc&kind=sql), so a sorted, filtered view can be shared. */
  function addressPart(name) {
    var match = new RegExp('(?:^#|&)' + name + '=([^&]*)').exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function setAddressPart(name, value) {
    if (!history.replaceState) { return; }
    var parts = location.hash.replace(/^#/, '').split('&').filter(function (part) {
      return part && part.indexOf(name + '=') !== 0;
    });
    if (value) { parts.push(name + '=' + encodeURIComponent(value)); }
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
  }

  function applySortFromAddress(table) {
    var match = /^([A-Za-z0-9]+)-(asc|desc)$/.exec(addressPart('sort') || '');
    if (!match) { return; }
    var header = sortRow(table).querySelector('th[data-key="' + match[1] + '"]');
    if (header) { sortTable(table, header, match[2] === 'desc'); }
  }

  /** Shows only the rows and charts of one kind of operation ('' shows all). */
  function showKind(kind, buttons) {
    var known = Array.prototype.some.call(buttons, function (b) { return b.getAttribute('data-kind') === kind; });
    if (!known) { kind = ''; }
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-kind') === kind));
    });
    var items = document.querySelectorAll('#main-table tbody tr, #charts figure.card');
    Array.prototype.forEach.call(items, function (item) {
      item.hidden = kind !== '' && item.getAttribute('data-kind') !== kind;
    });
    root.setAttribute('data-sonde-kind', kind || 'all');
    return kind;
  }

  function makeKindFilter() {
    var buttons = document.querySelectorAll('.kinds button');
    if (!buttons.length) { return; }
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        setAddressPart('kind', showKind(button.getAttribute('data-kind'), buttons));
      });
    });
    showKind(addressPart('kind') || '', buttons);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, makeSortable);
    var main = document.getElementById('main-table');
    if (main) { applySortFromAddress(main); }
    makeKindFilter();
    var rows = main ? main.tBodies[0].rows.length : 0;
    var charts = document.querySelectorAll('svg.chart polyline.curve').length;
    root.setAttribute('data-sonde-ready', rows + ' rows, ' + charts + ' charts');
  });
}());
