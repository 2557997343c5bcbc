/* hwsim block inspector: reads the page's JSON (hwsim-block-inspector/1) and draws with uPlot. Nothing is fetched. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('block-data').textContent);
  var point = 0, charts = [];
  function $(s) { return document.querySelector(s); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  function fmt(x, d) { return isNum(x) ? (x === 0 ? '0' : String(Number(x.toPrecision(d || 6)))) : 'NaN'; }
  var PREFIX = [[1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, '\u00b5'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f']];
  function volts(v) {
    if (!isNum(v)) return 'NaN';
    if (v === 0) return '0 V';
    for (var k = 0; k < PREFIX.length; k++) if (Math.abs(v) >= PREFIX[k][0] * 0.9995) return Number((v / PREFIX[k][0]).toPrecision(4)) + ' ' + PREFIX[k][1] + 'V';
    return v.toPrecision(3) + ' V';
  }
  var n = D.scale.length, names = Object.keys(D.nodes), s = D.sweep;

  function select(p) {
    if (!isNum(p)) return;
    point = Math.max(0, Math.min(n - 1, Math.round(p)));
    $('#point').value = String(point);
    $('#point-n').value = String(point);
    var where = D.scaleName + ' = ' + fmt(D.scale[point], 4);
    if (s.samePoints) where += '; input ' + fmt(s.x[point], 4) + (s.x2 ? ', ' + fmt(s.x2[point], 4) : '') + ', circuit ' + fmt(s.circuitY[point]) + ', ideal ' + fmt(s.idealY[point]);
    $('#point-info').textContent = 'point ' + point + ' of 0\u2013' + (n - 1) + ': ' + where;
    Array.prototype.forEach.call(document.querySelectorAll('svg.schematic g.node'), function (g) {
      var v = D.nodes[g.getAttribute('data-node')];
      g.querySelector('tspan.v').textContent = v ? volts(v[point]) : '';
    });
    var t = $('#op');
    t.innerHTML = '';
    var h = el('tr'); h.appendChild(el('th', { 'class': 'name' }, 'node')); h.appendChild(el('th', null, 'voltage')); t.appendChild(h);
    names.forEach(function (name) {
      var tr = el('tr', { 'data-node': name });
      tr.appendChild(el('td', { 'class': 'name' }, name));
      tr.appendChild(el('td', { 'class': 'v' }, volts(D.nodes[name][point])));
      t.appendChild(tr);
    });
    charts.forEach(function (u) { u.redraw(false); });
  }

  function marker() {
    return { hooks: { draw: function (u) {
      if (!s.samePoints) return;
      var x = u.valToPos(s.x[point], 'x', true), ctx = u.ctx;
      ctx.save(); ctx.strokeStyle = '#d62728'; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); ctx.restore();
    } } };
  }

  function draw() {
    var w = Math.max(360, Math.min(860, $('#curve').parentElement.clientWidth - 10));
    var groups = {};
    s.x.forEach(function (x, k) { var key = s.x2 ? fmt(s.x2[k], 4) : ''; (groups[key] = groups[key] || []).push(k); });
    var keys = Object.keys(groups);
    var xs = [];
    s.x.forEach(function (x) { if (xs.indexOf(x) < 0) xs.push(x); });
    xs.sort(function (a, b) { return a - b; });
    function col(k, arr) { return xs.map(function (x) { for (var j = 0; j < groups[k].length; j++) if (s.x[groups[k][j]] === x) return arr[groups[k][j]]; return null; }); }
    var palette = ['#ff7f0e', '#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
    var data = [xs], series = [{}], err = [xs], errSeries = [{}];
    keys.forEach(function (k, i) {
      var label = s.x2 ? ' (' + s.x2Label.split(' (')[0] + ' = ' + k + ')' : '';
      data.push(col(k, s.idealY)); series.push({ label: 'ideal' + label, stroke: '#444', dash: [6, 4], width: 1.2 });
      data.push(col(k, s.circuitY)); series.push({ label: 'circuit' + label, stroke: palette[i % 10], width: 2 });
      var c = col(k, s.circuitY), id = col(k, s.idealY);
      err.push(c.map(function (v, j) { return isNum(v) && isNum(id[j]) ? v - id[j] : null; }));
      errSeries.push({ label: 'circuit \u2212 ideal' + label, stroke: palette[i % 10], width: 1.2 });
    });
    charts.push(new uPlot({ width: w, height: 300, title: D.block + ' (' + D.level + '): circuit against ' + s.ideal, scales: { x: { time: false } },
      axes: [{ label: s.xLabel }, { label: s.yLabel, size: 60 }], series: series, plugins: [marker()] }, data, $('#curve')));
    charts.push(new uPlot({ width: w, height: 200, title: 'error: max ' + fmt(s.maxError, 3) + ', stated bound ' + fmt(s.bound, 3), scales: { x: { time: false } },
      axes: [{ label: s.xLabel }, { label: 'circuit \u2212 ideal', size: 70 }], series: errSeries, plugins: [marker()] }, err, $('#error')));
  }

  $('#point').max = String(n - 1);
  $('#point-n').max = String(n - 1);
  $('#point-kind').textContent = 'sweep point';
  $('#point').addEventListener('input', function () { select(+$('#point').value); });
  $('#point-n').addEventListener('change', function () { select(+$('#point-n').value); });
  draw();
  select(Math.floor(n / 2));
  window.hwsimBlockInspector = { select: select, data: D };
})();
