// page.js draws the charts of a breachreport charts page. It is static: each chart's option
// arrives as JSON in a script element of type application/json and is read with JSON.parse,
// never evaluated, and every string from the data that reaches HTML goes through escapeHTML.
(function () {
  'use strict';

  var entities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

  // escapeHTML makes any value safe to put in HTML text or a quoted attribute.
  function escapeHTML(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }

  // swatch is a small colour square; colours come from the Go palette and are checked anyway.
  function swatch(color) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(color || '')) {
      return '';
    }
    return '<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:' +
      color + '"></span>';
  }

  // tipHTML renders a tooltip {title, rows: [{label, value, color}]} as escaped HTML.
  function tipHTML(t) {
    if (!t) {
      return '';
    }
    var h = '<div style="font-weight:600;margin-bottom:4px;max-width:380px;white-space:normal">' +
      escapeHTML(t.title) + '</div>';
    (t.rows || []).forEach(function (r) {
      h += '<div>' + swatch(r.color) + escapeHTML(r.label) + ': <b>' + escapeHTML(r.value) + '</b></div>';
    });
    return h;
  }

  // hatch returns diagonal lines, spaced gap apart, that fill the rectangle r.
  function hatch(r, gap, stroke) {
    var lines = [];
    var x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
    for (var c = x0 + y0 + gap / 2; c < x1 + y1; c += gap) {
      // The line x + y = c, cut to the rectangle.
      var xa = Math.max(x0, c - y1), xb = Math.min(x1, c - y0);
      if (xb > xa) {
        lines.push({type: 'line', silent: true,
          shape: {x1: xa, y1: c - xa, x2: xb, y2: c - xb},
          style: {stroke: stroke, lineWidth: 1.4}});
      }
    }
    return lines;
  }

  // renderWindow draws one exposure window of the timeline. Its data item is
  // [incident index, start ms, end ms, lane, lanes, suspected (0 or 1)]: the incident's
  // windows share its band in lanes. A confirmed window is a solid bar; a suspected one is
  // lighter and hatched, with a dashed outline.
  function renderWindow(params, api) {
    var y = api.value(0);
    var start = api.coord([api.value(1), y]);
    var end = api.coord([api.value(2), y]);
    var band = api.size([0, 1])[1];
    var lanes = Math.max(1, api.value(4));
    var laneH = band * 0.62 / lanes;
    var top = start[1] - band * 0.31 + api.value(3) * laneH;
    var cs = params.coordSys;
    var shape = echarts.graphic.clipRectByRect(
      {x: start[0], y: top + laneH * 0.1, width: Math.max(end[0] - start[0], 2), height: laneH * 0.8},
      {x: cs.x, y: cs.y, width: cs.width, height: cs.height});
    if (!shape) {
      return null;
    }
    var color = api.visual('color');
    if (api.value(5) !== 1) {
      return {type: 'rect', shape: shape, style: {fill: color}};
    }
    return {type: 'group', children: [
      {type: 'rect', shape: shape, style: {fill: color, opacity: 0.3}},
      {type: 'group', children: hatch(shape, 6, color)},
      {type: 'rect', shape: shape, style: {fill: 'none', stroke: color, lineWidth: 1.2, lineDash: [4, 3]}}
    ]};
  }

  var failed = document.body.getAttribute('data-failed') || '';
  var drawn = [];
  var sources = document.querySelectorAll('script[type="application/json"]');
  Array.prototype.forEach.call(sources, function (src) {
    var id = src.id.replace(/-data$/, '');
    var box = document.getElementById(id);
    if (!box || id === src.id) {
      return;
    }
    try {
      var p = JSON.parse(src.textContent);
      var opt = p.option;
      var tips = p.tips || {};
      if (opt.tooltip.trigger === 'axis') {
        opt.tooltip.formatter = function (ps) {
          var first = Array.isArray(ps) ? ps[0] : ps;
          return first ? tipHTML((tips.axis || [])[first.dataIndex]) : '';
        };
      } else {
        opt.tooltip.formatter = function (q) {
          var s = (tips.item || [])[q.seriesIndex];
          return tipHTML(s && s[q.dataIndex]);
        };
      }
      if (p.kind === 'timeline') {
        opt.series.forEach(function (s) {
          if (s.type === 'custom') {
            s.renderItem = renderWindow;
          }
        });
      }
      var chart = echarts.init(box, null, {renderer: 'svg'});
      chart.setOption(opt);
      drawn.push(chart);
    } catch (e) {
      box.textContent = failed + (e && e.message ? e.message : String(e));
      box.className += ' failed';
    }
  });
  window.addEventListener('resize', function () {
    drawn.forEach(function (c) { c.resize(); });
  });
})();
