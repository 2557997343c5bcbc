/* hwsim circuit inspector: reads the page's JSON (hwsim-inspector/1) and draws with uPlot. Nothing is fetched. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('inspector-data').textContent);
  var S = { level: 0, point: 0, block: null, signal: null };
  var charts = { wave: [], curve: null, transient: null };
  var shifted = {};

  // ---------- helpers ----------
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function L() { return D.levels[S.level]; }
  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  /** A value with 6 significant digits, an error with 3 (the CSV has them all). */
  function fmt(x, digits) {
    if (!isNum(x)) return 'NaN';
    if (x === 0) return '0';
    return String(Number(x.toPrecision(digits || 6)));
  }
  var PREFIX = [[1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, '\u00b5'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f'], [1e-18, 'a']];
  function volts(v) {
    if (!isNum(v)) return 'NaN';
    if (v === 0) return '0 V';
    var m = Math.abs(v);
    for (var k = 0; k < PREFIX.length; k++)
      if (m >= PREFIX[k][0] * 0.9995) return Number((v / PREFIX[k][0]).toPrecision(3)) + ' ' + PREFIX[k][1] + 'V';
    return v.toPrecision(3) + ' V';
  }
  /** Software and circuit series of a probe signal: inputs are the same both ways; a hold is its signal one step late. */
  function series(i, which) {
    var lv = L(), s = lv.signals[i];
    if (s.kind === 'Hold') {
      var key = S.level + ':' + i + ':' + which;
      if (!shifted[key]) {
        var src = series(s.of, which);
        shifted[key] = [0].concat(src.slice(0, src.length - 1));
      }
      return shifted[key];
    }
    if (which === 'ck' && s.ck) return s.ck;
    // software values do not depend on the level: later levels may point to the first level's
    return s.swLevel !== undefined ? D.levels[s.swLevel].signals[i].sw : s.sw;
  }
  function value(i, which, p) { var a = series(i, which); var v = a[p]; return v === null ? NaN : v; }
  function pointName() { return D.pointKind === 'step' ? 'step' : 'sample'; }

  // ---------- level and point ----------
  function initControls() {
    var sel = $('#level');
    D.levels.forEach(function (lv, k) { sel.appendChild(el('option', { value: String(k) }, lv.level)); });
    sel.addEventListener('change', function () { selectLevel(+sel.value); });
    var range = $('#point'), num = $('#point-n');
    range.addEventListener('input', function () { selectPoint(+range.value); });
    num.addEventListener('change', function () { selectPoint(+num.value); });
    $('#point-kind').textContent = pointName();
    document.addEventListener('keydown', function (e) {
      if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT')) return;
      if (e.key === 'ArrowRight') selectPoint(S.point + 1);
      if (e.key === 'ArrowLeft') selectPoint(S.point - 1);
    });
    // a click on a waveform (not a drag) picks that point
    $('#wave').addEventListener('click', function () {
      var u = charts.wave[0];
      if (u && u.cursor.idx !== null && u.cursor.idx !== undefined && u.select.width === 0) selectPoint(u.cursor.idx);
    });
    $('#reset-zoom').addEventListener('click', function () {
      var u = charts.wave[0];
      if (u) u.setScale('x', { min: 0, max: L().points - 1 });
    });
    $all('svg.diagram').forEach(function (svg) {
      $all('g.blk', svg).forEach(function (g) {
        g.addEventListener('click', function () { selectBlock(g.getAttribute('data-block')); });
        g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectBlock(g.getAttribute('data-block')); } });
      });
    });
  }

  function selectLevel(k) {
    S.level = Math.max(0, Math.min(D.levels.length - 1, k));
    var lv = L();
    $('#level').value = String(S.level);
    $all('.diagram-wrap').forEach(function (w) { w.hidden = w.getAttribute('data-level') !== lv.level; });
    $('#level-facts').textContent = lv.level + ' level: ' + lv.points + ' ' + pointName() + 's, ' + lv.evaluation +
      '; signals are node voltages of ' + lv.vs + ' V per network unit; output max |circuit \u2212 software| ' + fmt(lv.maxError, 3) + ' (' + volts(lv.maxError * lv.vs) + ').';
    $('#profile').textContent = lv.profile;
    showTiming(lv);
    var range = $('#point');
    range.max = String(lv.points - 1);
    $('#point-n').max = String(lv.points - 1);
    var block = S.block && lv.blocks.some(function (b) { return b.id === S.block; }) ? S.block : null;
    S.point = Math.min(S.point, lv.points - 1);
    if (block) selectBlock(block); else clearBlock();
    if (S.signal !== null && S.signal < lv.signals.length) selectSignal(S.signal); else clearSignal();
    selectPoint(S.point);
    drawTransient();
  }

  function selectPoint(p) {
    var lv = L();
    if (!isNum(p)) return;
    S.point = Math.max(0, Math.min(lv.points - 1, Math.round(p)));
    $('#point').value = String(S.point);
    $('#point-n').value = String(S.point);
    $('#point-info').textContent = pointName() + ' ' + S.point + ' of 0\u2013' + (lv.points - 1) +
      (lv.fromPoint > 0 && S.point < lv.fromPoint ? ' (warm-up: metrics count from ' + lv.fromPoint + ')' : '');
    updateProbe();
    if (charts.curve) charts.curve.setData(charts.curve.data, true);
    charts.wave.forEach(function (u) { u.redraw(false); });
    drawImages();
  }

  // ---------- the device level's timing and energy ----------
  function seconds(t) {
    if (!isNum(t)) return '\u2013';
    var units = [[1, 's'], [1e-3, 'ms'], [1e-6, '\u00b5s'], [1e-9, 'ns'], [1e-12, 'ps']];
    for (var k = 0; k < units.length; k++) if (Math.abs(t) >= units[k][0] * 0.9995) return Number((t / units[k][0]).toPrecision(3)) + ' ' + units[k][1];
    return t.toPrecision(3) + ' s';
  }
  function joules(e) {
    if (!isNum(e)) return '\u2013';
    var units = [[1, 'J'], [1e-3, 'mJ'], [1e-6, '\u00b5J'], [1e-9, 'nJ'], [1e-12, 'pJ'], [1e-15, 'fJ']];
    for (var k = 0; k < units.length; k++) if (Math.abs(e) >= units[k][0] * 0.9995) return Number((e / units[k][0]).toPrecision(3)) + ' ' + units[k][1];
    return e.toPrecision(3) + ' J';
  }
  function showTiming(lv) {
    var t = lv.timing, host = $('#timing');
    $('#timing-section').hidden = !t;
    host.innerHTML = '';
    if (!t) return;
    host.appendChild(el('p', { 'class': 'facts', id: 'timing-facts' }, 'Clock period ' + seconds(t.clockPeriod) + ' (compute phase ' + seconds(t.computeWindow) +
      '); the slowest watched signal settles within 0.1 % in ' + seconds(t.settlingTime) + '; energy per inference (' + (t.sequencePerInference ? 'one whole sequence' : 'one sample') +
      ') ' + joules(t.energyPerInference) + (isNum(t.minClockPeriod) ? '; shortest clock period keeping the ' + (t.periodSweepMetric || 'output error') + ' within 1 %: ' + seconds(t.minClockPeriod) : '') +
      '; ' + t.timePoints + ' time points simulated.'));
    var table = el('table', { id: 'energy' });
    var head = el('tr'); head.appendChild(el('th', { 'class': 'name' }, 'supplies of')); head.appendChild(el('th', null, 'energy over the run')); head.appendChild(el('th', null, 'share'));
    table.appendChild(head);
    var total = 0;
    Object.keys(t.energyByKind).forEach(function (k) { total += t.energyByKind[k] || 0; });
    Object.keys(t.energyByKind).forEach(function (k) {
      var tr = el('tr'); tr.appendChild(el('td', { 'class': 'name' }, k)); tr.appendChild(el('td', null, joules(t.energyByKind[k])));
      tr.appendChild(el('td', null, total > 0 ? (100 * t.energyByKind[k] / total).toFixed(1) + ' %' : '\u2013')); table.appendChild(tr);
    });
    host.appendChild(table);
  }

  // ---------- blocks ----------
  function block(id) { return L().blocks.filter(function (b) { return b.id === id; })[0]; }

  function clearBlock() {
    S.block = null;
    $all('g.blk.sel').forEach(function (g) { g.classList.remove('sel'); });
    $('#block-title').textContent = 'Block';
    $('#block-body').innerHTML = '';
    $('#block-body').appendChild(el('p', { 'class': 'hint' }, 'Click a block of the diagram: its signals (software and circuit), its transfer curve, its netlist and devices.'));
    if (charts.curve) { charts.curve.destroy(); charts.curve = null; }
  }

  function selectBlock(id) {
    var b = block(id);
    if (!b) return;
    S.block = id;
    $all('g.blk.sel').forEach(function (g) { g.classList.remove('sel'); });
    $all('.diagram-wrap:not([hidden]) g.blk[data-block="' + id + '"]').forEach(function (g) { g.classList.add('sel'); });
    $('#block-title').textContent = b.title + ' \u2014 ' + b.layer;
    var body = $('#block-body');
    body.innerHTML = '';
    body.appendChild(el('p', { 'class': 'facts' }, b.subtitle + '. ' + (b.subckt ? 'Sub-circuit ' + b.subckt + ', ' : 'Sources, ') + b.count + ' instance' +
      (b.count === 1 ? '' : 's') + (b.devices ? '; each: ' + b.devices : '') + '.'));
    if (b.supplyKind && L().timing && isNum(L().timing.energyByKind[b.supplyKind]))
      body.appendChild(el('p', { 'class': 'facts' }, 'The ' + b.supplyKind + ' supplies delivered ' + joules(L().timing.energyByKind[b.supplyKind]) + ' over the run.'));
    body.appendChild(el('h3', null, 'Signals at the selected ' + pointName()));
    var table = el('table', { id: 'probe' });
    var head = el('tr');
    ['signal', 'node', 'software', 'circuit', 'circuit \u2212 software', 'software (V)', 'circuit (V)'].forEach(function (h, k) {
      head.appendChild(el('th', k < 2 ? { 'class': 'name' } : null, h));
    });
    table.appendChild(head);
    addRows(table, 'reads', b['in']);
    addRows(table, 'drives', b.out);
    if (b['in'].length + b.out.length === 0) {
      var tr = el('tr', { 'class': 'sec' }); tr.appendChild(el('td', { colspan: '7' }, 'no probed signal: its nodes are internal (see the netlist)')); table.appendChild(tr);
    }
    var wrap = el('div', { 'class': 'probe-wrap' });
    wrap.appendChild(table);
    body.appendChild(wrap);
    body.appendChild(el('p', { 'class': 'hint' }, 'Network units; volts are the node voltages (value \u00d7 ' + L().vs + ' V). Click a signal for its waveform over the ' + pointName() + 's.'));
    updateProbe();

    var curve = b.curve ? L().curves[b.curve] : null;
    if (curve) {
      body.appendChild(el('h3', null, 'Transfer curve: ' + curve.block + ' block at the ' + curve.level + ' level'));
      body.appendChild(el('p', { 'class': 'hint' }, 'From the block characterisation (hwsim block ' + curve.block + ' --level ' + curve.level +
        '): circuit against ideal ' + curve.ideal + ', max |error| ' + fmt(curve.maxError, 3) +
        (b.kind === 'activation' ? '. Dots: this block\u2019s units at the selected ' + pointName() + ' (circuit filled, software hollow).' : '.')));
      var div = el('div', { id: 'curve' });
      body.appendChild(div);
      drawCurve(b, curve, div);
    } else if (charts.curve) { charts.curve.destroy(); charts.curve = null; }

    if (b.crossbar) crossbarMaps(b.crossbar, body);

    var det = el('details', { open: '' });
    det.appendChild(el('summary', null, 'Netlist: ' + (b.subckt ? '.subckt ' + b.subckt + ' (' + b.definition.total + ' lines) and ' : '') + b.instances.total + ' instance line' + (b.instances.total === 1 ? '' : 's')));
    var text = '';
    if (b.definition.total) text += b.definition.text + (b.definition.total > 80 ? '\n* \u2026 ' + (b.definition.total - 80) + ' more lines in the netlist' : '') + '\n\n';
    text += b.instances.text + (b.instances.total > 80 ? '\n* \u2026 ' + (b.instances.total - 80) + ' more instances' : '');
    det.appendChild(el('pre', { id: 'block-netlist' }, text));
    body.appendChild(det);
  }

  function addRows(table, label, list) {
    if (!list.length) return;
    var sec = el('tr', { 'class': 'sec' });
    sec.appendChild(el('td', { colspan: '7' }, label + ' (' + list.length + ')'));
    table.appendChild(sec);
    list.forEach(function (i) {
      var s = L().signals[i];
      var tr = el('tr', { 'data-signal': String(i) });
      tr.appendChild(el('td', { 'class': 'name' }, s.name));
      tr.appendChild(el('td', { 'class': 'node' }, s.node));
      ['sw', 'ck', 'err', 'swv', 'ckv'].forEach(function (c) { tr.appendChild(el('td', { 'class': c })); });
      tr.addEventListener('click', function () { selectSignal(i); });
      table.appendChild(tr);
    });
  }

  function updateProbe() {
    var lv = L();
    $all('#probe tr[data-signal]').forEach(function (tr) {
      var i = +tr.getAttribute('data-signal');
      var sw = value(i, 'sw', S.point), ck = value(i, 'ck', S.point);
      $('.sw', tr).textContent = fmt(sw);
      $('.ck', tr).textContent = fmt(ck);
      $('.err', tr).textContent = fmt(ck - sw, 3);
      $('.swv', tr).textContent = volts(sw * lv.vs);
      $('.ckv', tr).textContent = volts(ck * lv.vs);
      tr.classList.toggle('sel', i === S.signal);
    });
  }

  // ---------- plots ----------
  /**
   * Wheel zooms the x axis about the cursor; shift+wheel (or a sideways swipe) pans it; drag selects a range (uPlot's
   * own); double-click resets.
   */
  function wheelZoom() {
    return {
      hooks: {
        ready: function (u) {
          u.over.addEventListener('wheel', function (e) {
            e.preventDefault();
            var min = u.scales.x.min, max = u.scales.x.max, span = max - min;
            var d = u.data[0], first = d[0], last = d[d.length - 1];
            var lo, hi;
            if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
              var shift = ((e.shiftKey ? e.deltaY : e.deltaX) > 0 ? 0.15 : -0.15) * span;
              shift = Math.max(first - min, Math.min(last - max, shift));
              lo = min + shift; hi = max + shift;
            } else {
              var at = u.posToVal(e.offsetX, 'x'), f = e.deltaY < 0 ? 0.75 : 1 / 0.75;
              lo = Math.max(first, at - (at - min) * f); hi = Math.min(last, at + (max - at) * f);
            }
            u.setScale('x', { min: lo, max: hi });
          }, { passive: false });
        }
      }
    };
  }
  /** A dotted vertical line at the selected point. */
  function pointMarker() {
    return {
      hooks: {
        draw: function (u) {
          var x = Math.round(u.valToPos(S.point, 'x', true));
          var ctx = u.ctx;
          ctx.save(); ctx.strokeStyle = '#d62728'; ctx.setLineDash([3, 3]); ctx.lineWidth = 1;
          ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); ctx.restore();
        }
      }
    };
  }
  function width(node) { return Math.max(360, Math.min(900, (node.parentElement || node).clientWidth - 10)); }

  function clearSignal() {
    S.signal = null;
    charts.wave.forEach(function (u) { u.destroy(); });
    charts.wave = [];
    $('#signal-title').textContent = 'Signal';
    $('#wave').innerHTML = '';
    $('#wave').appendChild(el('p', { 'class': 'hint' }, 'Click a signal in the block\u2019s table: its software and circuit values over every ' + pointName() + ', and their difference.'));
    $('#wave-range').textContent = '';
  }

  function selectSignal(i) {
    var lv = L(), s = lv.signals[i];
    S.signal = i;
    charts.wave.forEach(function (u) { u.destroy(); });
    charts.wave = [];
    var host = $('#wave');
    host.innerHTML = '';
    $('#signal-title').textContent = 'Signal ' + s.name + ' (node ' + s.node + ')';
    var xs = [], sw = series(i, 'sw'), ck = series(i, 'ck'), err = [];
    for (var p = 0; p < lv.points; p++) { xs.push(p); err.push(isNum(ck[p]) && isNum(sw[p]) ? ck[p] - sw[p] : null); }
    var w = width(host), sync = uPlot.sync('wave');
    var common = function (title, series, h) {
      return {
        title: title, width: w, height: h, plugins: [wheelZoom(), pointMarker()],
        cursor: { sync: { key: sync.key }, drag: { x: true, y: false } },
        scales: { x: { time: false } },
        axes: [{ label: pointName() }, { label: 'network units', size: 70 }, { side: 1, label: 'volts', size: 70, scale: 'y', grid: { show: false },
          values: function (u, ticks) { return ticks.map(function (t) { return volts(t * lv.vs); }); } }],
        series: series,
        hooks: { setScale: [function (u, key) { if (key === 'x') showRange(u); }] }
      };
    };
    var top = new uPlot(common(s.name + ': software and circuit', [
      {},
      { label: 'software', stroke: 'rgba(31,119,180,0.35)', width: 6, value: function (u, v) { return v === null || v === undefined ? "\u2013" : fmt(v); } },
      { label: 'circuit', stroke: '#ff7f0e', width: 1.2, points: { show: lv.points <= 200, size: 4, fill: '#ff7f0e' }, value: function (u, v) { return v === null || v === undefined ? "\u2013" : fmt(v); } }
    ], 260), [xs, sw, ck], host);
    var bottom = new uPlot(common('circuit \u2212 software', [
      {},
      { label: 'circuit \u2212 software', stroke: '#d62728', width: 1.2, value: function (u, v) { return v === null || v === undefined ? "\u2013" : fmt(v, 3); } }
    ], 190), [xs, err], host);
    charts.wave = [top, bottom];
    // zooming one zooms the other
    syncX(top, bottom);
    showRange(top);
    updateProbe();
    drawTransient();
  }

  function syncX(a, b) {
    var busy = false;
    [[a, b], [b, a]].forEach(function (pair) {
      pair[0].hooks.setScale = pair[0].hooks.setScale || [];
      pair[0].hooks.setScale.push(function (u, key) {
        if (key !== 'x' || busy) return;
        busy = true;
        pair[1].setScale('x', { min: u.scales.x.min, max: u.scales.x.max });
        busy = false;
      });
    });
  }

  function showRange(u) {
    var lo = u.scales.x.min, hi = u.scales.x.max;
    if (!isNum(lo) || !isNum(hi)) return;
    $('#wave-range').textContent = 'showing ' + pointName() + 's ' + fmt(lo, 4) + ' to ' + fmt(hi, 4) + ' (drag or wheel to zoom, shift+wheel to pan, double-click to reset)';
  }

  function drawCurve(b, c, host) {
    if (charts.curve) { charts.curve.destroy(); charts.curve = null; }
    var data, series;
    if (!c.x2) {
      var order = c.x.map(function (_, k) { return k; }).sort(function (p, q) { return c.x[p] - c.x[q]; });
      data = [order.map(function (k) { return c.x[k]; }), order.map(function (k) { return c.idealY[k]; }), order.map(function (k) { return c.circuitY[k]; })];
      series = [{}, { label: 'ideal ' + c.ideal, stroke: '#444', dash: [6, 4], width: 1.5 }, { label: 'circuit', stroke: '#ff7f0e', width: 2 }];
    } else {
      // one circuit curve per value of the second input (the sweep is a grid)
      var x2s = [], xs = [];
      c.x2.forEach(function (v) { if (x2s.indexOf(v) < 0) x2s.push(v); });
      c.x.forEach(function (v) { if (xs.indexOf(v) < 0) xs.push(v); });
      xs.sort(function (p, q) { return p - q; });
      data = [xs];
      series = [{}];
      var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
      x2s.forEach(function (v, k) {
        var ys = xs.map(function (x) {
          for (var j = 0; j < c.x.length; j++) if (c.x[j] === x && c.x2[j] === v) return c.circuitY[j];
          return null;
        });
        data.push(ys);
        series.push({ label: c.x2Label.split(' (')[0] + ' = ' + fmt(v, 3), stroke: palette[k % palette.length], width: 1.5 });
      });
    }
    var members = b.members;
    // the x range also takes in this block's operating points, which may lie beyond the characterised range
    function opRange(u, min, max) {
      if (b.kind === 'activation')
        members.forEach(function (m) {
          var i = m.sig[0];
          if (i < 0) return;
          ['sw', 'ck'].forEach(function (w) { var x = value(i, w, S.point); if (isNum(x)) { min = Math.min(min, x); max = Math.max(max, x); } });
        });
      return [min, max];
    }
    var opts = {
      width: width(host), height: 280, title: c.block + ' (' + c.level + ')', scales: { x: { time: false, range: opRange } },
      axes: [{ label: c.xLabel }, { label: c.yLabel, size: 60 }], series: series, plugins: [wheelZoom()],
      hooks: {
        draw: [function (u) {
          if (b.kind !== 'activation') return;
          var ctx = u.ctx;
          ctx.save();
          members.forEach(function (m) {
            var i = m.sig[0], o = m.sig[m.sig.length - 1];
            if (i < 0 || o < 0) return;
            [['sw', false], ['ck', true]].forEach(function (w) {
              var x = value(i, w[0], S.point), y = value(o, w[0], S.point);
              if (!isNum(x) || !isNum(y)) return;
              var px = u.valToPos(x, 'x', true), py = u.valToPos(y, 'y', true);
              ctx.beginPath(); ctx.arc(px, py, w[1] ? 3.5 : 6, 0, 2 * Math.PI);
              if (w[1]) { ctx.fillStyle = '#d62728'; ctx.fill(); } else { ctx.strokeStyle = '#1f77b4'; ctx.lineWidth = 1.5; ctx.stroke(); }
            });
          });
          ctx.restore();
        }]
      }
    };
    charts.curve = new uPlot(opts, data, host);
  }

  // ---------- heat maps (crossbars, images) ----------
  function viridis(t) {
    var stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    var k = Math.min(stops.length - 2, Math.floor(t)), f = t - k, a = stops[k], b = stops[k + 1];
    return 'rgb(' + Math.round(a[0] + f * (b[0] - a[0])) + ',' + Math.round(a[1] + f * (b[1] - a[1])) + ',' + Math.round(a[2] + f * (b[2] - a[2])) + ')';
  }
  function balance(t) { // t in [-1, 1]: blue, white, red
    t = Math.max(-1, Math.min(1, t));
    var end = t < 0 ? [33, 102, 172] : [178, 24, 43], f = Math.abs(t);
    return 'rgb(' + Math.round(255 + f * (end[0] - 255)) + ',' + Math.round(255 + f * (end[1] - 255)) + ',' + Math.round(255 + f * (end[2] - 255)) + ')';
  }
  function grey(t) { var v = Math.round(255 * Math.max(0, Math.min(1, t))); return 'rgb(' + v + ',' + v + ',' + v + ')'; }

  /** A matrix as a canvas with a caption and a colour bar; hovering a cell shows its value. */
  function heat(title, rows, cols, get, map, lo, hi, cell, unit) {
    var box = el('div', { 'class': 'heat' });
    box.appendChild(el('div', null, title));
    var c = el('canvas', { width: String(cols * cell), height: String(rows * cell) });
    var ctx = c.getContext('2d');
    for (var j = 0; j < rows; j++)
      for (var i = 0; i < cols; i++) {
        var v = get(j, i);
        ctx.fillStyle = isNum(v) ? map(v, lo, hi) : '#f0f';
        ctx.fillRect(i * cell, j * cell, cell, cell);
      }
    c.addEventListener('mousemove', function (e) {
      var i = Math.floor(e.offsetX / cell), j = Math.floor(e.offsetY / cell);
      if (j >= 0 && j < rows && i >= 0 && i < cols) c.title = 'row ' + j + ', column ' + i + ': ' + fmt(get(j, i), 4) + ' ' + unit;
    });
    box.appendChild(c);
    var bar = el('canvas', { width: String(Math.max(60, cols * cell)), height: '8' });
    var bctx = bar.getContext('2d');
    for (var x = 0; x < bar.width; x++) { bctx.fillStyle = map(lo + (hi - lo) * x / (bar.width - 1), lo, hi); bctx.fillRect(x, 0, 1, 8); }
    box.appendChild(bar);
    box.appendChild(el('div', { 'class': 'muted' }, fmt(lo, 3) + ' \u2026 ' + fmt(hi, 3) + ' ' + unit));
    return box;
  }
  function seq(v, lo, hi) { return viridis((v - lo) / (hi - lo || 1)); }
  function sym(v, lo, hi) { return balance(v / (Math.max(Math.abs(lo), Math.abs(hi)) || 1)); }
  function gry(v, lo, hi) { return grey((v - lo) / (hi - lo || 1)); }
  function absMax(m) { var a = 0; m.forEach(function (r) { r.forEach(function (v) { if (isNum(v)) a = Math.max(a, Math.abs(v)); }); }); return a || 1e-12; }

  function crossbarMaps(x, body) {
    var det = el('details', { open: '' });
    det.appendChild(el('summary', null, 'Programmed conductances: ' + x.outputs + ' outputs \u00d7 ' + x.inputs + ' inputs' + (x.bias ? ' + bias' : '') +
      ', window ' + fmt(x.gmin, 3) + '\u2013' + fmt(x.gmax, 3) + ' \u00b5S, ' + fmt(x.scale, 3) + ' \u00b5S per unit weight'));
    var rows = x.gplus[0].length, cell = Math.max(3, Math.min(26, Math.floor(420 / Math.max(rows, x.outputs))));
    var w = absMax(x.weight);
    det.appendChild(heat('G+ (\u00b5S)', x.outputs, rows, function (j, i) { return x.gplus[j][i]; }, seq, x.gmin, x.gmax, cell, '\u00b5S'));
    det.appendChild(heat('G\u2212 (\u00b5S)', x.outputs, rows, function (j, i) { return x.gminus[j][i]; }, seq, x.gmin, x.gmax, cell, '\u00b5S'));
    det.appendChild(heat('weight (G+ \u2212 G\u2212) / scale', x.outputs, rows, function (j, i) { return x.weight[j][i]; }, sym, -w, w, cell, ''));
    det.appendChild(el('p', { 'class': 'hint' }, 'Rows: output columns of the crossbar; columns: input rows' + (x.bias ? ' (the last is the bias row)' : '') + '.'));
    body.appendChild(det);
  }

  // ---------- image demos: receptive fields and activations ----------
  function drawImages() {
    var host = $('#images-body');
    if (!D.image || !host) return;
    var H = D.image[0], W = D.image[1], lv = L();
    host.innerHTML = '';
    var first = lv.blocks.filter(function (b) { return b.crossbar; })[0];
    if (first) {
      var x = first.crossbar, n = x.inputs, side = Math.round(Math.sqrt(n));
      var h = n === H * W ? H : side * side === n ? side : 0, w = h ? n / h : 0;
      if (h) {
        var mode = ($('input[name=rf]:checked') || {}).value || 'weight';
        var get = mode === 'weight' ? function (j, k) { return x.weight[j][k]; } : function (j, k) { return x.gplus[j][k] - x.gminus[j][k]; };
        var all = [];
        for (var j = 0; j < x.outputs; j++) { var r = []; for (var k = 0; k < n; k++) r.push(get(j, k)); all.push(r); }
        var m = absMax(all), cell = Math.max(4, Math.floor(96 / Math.max(h, w)));
        var sec = el('div');
        sec.appendChild(el('h3', null, 'What the first layer looks for: each unit\u2019s ' + n + ' weights as a ' + h + '\u00d7' + w + ' image (' + x.layer + ', ' + lv.level + ' level)'));
        var pick = el('div', { 'class': 'plotbar' });
        [['weight', 'weights the programmed pairs stand for'], ['g', 'programmed G+ \u2212 G\u2212 (\u00b5S)']].forEach(function (o) {
          var lab = el('label'); var r = el('input', { type: 'radio', name: 'rf', value: o[0] });
          if (o[0] === mode) r.checked = true;
          r.addEventListener('change', drawImages);
          lab.appendChild(r); lab.appendChild(document.createTextNode(' ' + o[1])); pick.appendChild(lab);
        });
        sec.appendChild(pick);
        var imgs = el('div', { 'class': 'imgs', id: 'receptive-fields' });
        all.forEach(function (r, j) {
          imgs.appendChild(heat('unit ' + j, h, w, function (a, b) { return r[a * w + b]; }, sym, -m, m, cell, mode === 'weight' ? '' : '\u00b5S'));
        });
        sec.appendChild(imgs);
        sec.appendChild(el('p', { 'class': 'hint' }, 'Red: a bright pixel there raises the unit, blue lowers it. A unit that answers to edges, corners or bars shows that shape.'));
        host.appendChild(sec);
      }
    }
    // activations of every layer for the selected input, software above circuit
    var act = el('div', { id: 'activations' });
    act.appendChild(el('h3', null, 'Each layer for ' + pointName() + ' ' + S.point + ': software (top) and circuit (bottom)'));
    var inputs = [], layers = {}, order = [];
    lv.signals.forEach(function (s, i) {
      if (s.kind === 'Input') inputs.push(i);
      else if (s.kind !== 'Hold') { if (!layers[s.layer]) { layers[s.layer] = []; order.push(s.layer); } layers[s.layer].push(i); }
    });
    var row = el('div', { 'class': 'imgs' });
    if (inputs.length === H * W) {
      var vals = inputs.map(function (i) { return value(i, 'sw', S.point); });
      var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
      row.appendChild(heat('input', H, W, function (a, b) { return vals[a * W + b]; }, gry, lo, hi, 12, 'pixel'));
    }
    order.forEach(function (name) {
      var idx = layers[name], n = idx.length, shape = imageShape(n, H, W);
      var sw = idx.map(function (i) { return value(i, 'sw', S.point); }), ck = idx.map(function (i) { return value(i, 'ck', S.point); });
      var m = 0; sw.concat(ck).forEach(function (v) { if (isNum(v)) m = Math.max(m, Math.abs(v)); }); m = m || 1e-12;
      if (shape) {
        for (var ch = 0; ch < shape[0]; ch++) {
          var off = ch * shape[1] * shape[2];
          var box = el('div', { 'class': 'heat' });
          box.appendChild(heat(name + (shape[0] > 1 ? ' channel ' + ch : '') + ' software', shape[1], shape[2], function (a, b) { return sw[off + a * shape[2] + b]; }, sym, -m, m, 12, 'units'));
          box.appendChild(heat('circuit', shape[1], shape[2], function (a, b) { return ck[off + a * shape[2] + b]; }, sym, -m, m, 12, 'units'));
          row.appendChild(box);
        }
      } else {
        var cell = Math.max(6, Math.min(18, Math.floor(300 / n)));
        row.appendChild(heat(name + ' (' + n + ')', 2, n, function (a, b) { return a === 0 ? sw[b] : ck[b]; }, sym, -m, m, cell, 'units'));
      }
    });
    act.appendChild(row);
    host.appendChild(act);
  }
  function imageShape(n, H, W) {
    // an image layer keeps (nearly) the input's size: a convolution with a kernel of at most 5 pixels
    for (var d = 0; d < Math.min(H, W, 5); d++) {
      var s = (H - d) * (W - d);
      if (s > 1 && n % s === 0 && n / s <= 8) return [n / s, H - d, W - d];
    }
    return null;
  }

  // ---------- the device level's clocked transient (when a level carries it) ----------
  function drawTransient() {
    var host = $('#transient');
    if (!host) return;
    if (charts.transient) { charts.transient.destroy(); charts.transient = null; }
    host.innerHTML = '';
    var wf = L().waveforms;
    $('#transient-section').hidden = !wf;
    if (!wf) return;
    var traces = wf.traces || [], clocks = wf.clocks || [];
    var sel = S.signal !== null ? L().signals[S.signal] : null;
    var shown = traces.filter(function (t) { return sel && t.node === sel.node; });
    if (!shown.length) shown = traces.slice(0, 4);
    var data = [wf.time], series = [{}];
    var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];
    shown.forEach(function (t, k) { data.push(t.values); series.push({ label: t.name + ' (V)', stroke: palette[k % 4], width: 1.5 }); });
    clocks.forEach(function (c) { data.push(c.values); series.push({ label: c.name, stroke: '#888', width: 1, dash: [4, 3], scale: 'clk' }); });
    charts.transient = new uPlot({
      width: width(host), height: 260, title: 'clocked transient, first ' + Math.round(wf.time[wf.time.length - 1] / wf.period) + ' periods' + (sel ? '' : ' (select a signal to see its node)'),
      scales: { x: { time: false }, clk: { range: [-0.2, 1.2] } },
      axes: [{ label: 'time', values: function (u, ticks) { return ticks.map(seconds); } }, { label: 'V', size: 60 },
        { side: 1, scale: 'clk', label: 'clock (high = 1)', grid: { show: false } }],
      series: series, plugins: [wheelZoom()]
    }, data, host);
  }

  // ---------- start ----------
  initControls();
  selectLevel(0);
  window.hwsimInspector = { state: S, charts: charts, selectBlock: selectBlock, selectSignal: selectSignal, selectPoint: selectPoint, selectLevel: selectLevel };
})();
