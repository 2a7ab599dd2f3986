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

  // compact writes a record count for an axis label: 4.1万, 120万, 1億 in Japanese (at most
  // one decimal), 41.4K, 1.2M in English (at most three significant digits). Below 10,000
  // (ja) or 1,000 (en) the number is written whole, with grouped digits.
  function compact(n, lang) {
    var ja = lang === 'ja';
    var units = ja ? [[1e12, '兆'], [1e8, '億'], [1e4, '万']] : [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
    var a = Math.abs(n), sign = n < 0 ? '-' : '';
    // inUnit writes a in unit i, rounded as the language wants.
    function inUnit(i) {
      var x = a / units[i][0];
      return trim(x.toFixed(ja ? 1 : x >= 100 ? 0 : x >= 10 ? 1 : 2));
    }
    for (var i = 0; i < units.length; i++) {
      if (a >= units[i][0]) {
        var s = inUnit(i);
        // Rounding up may reach the next unit: 999,999 is 1M, not 1000k.
        if (i > 0 && parseFloat(s) * units[i][0] >= units[i - 1][0]) {
          return sign + inUnit(i - 1) + units[i - 1][1];
        }
        return sign + s + units[i][1];
      }
    }
    return sign + String(Math.round(a * 100) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // dateLabel writes a label of a time axis (dates are UTC midnight): the first label and
  // each January with the year, other firsts of a month by month, other days by day.
  function dateLabel(ms, index, lang) {
    var d = new Date(ms), y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
    var ja = lang === 'ja';
    if (day !== 1) {
      return ja ? (m + 1) + '月' + day + '日' : months[m] + ' ' + day;
    }
    if (m === 0) {
      return ja ? y + '年' : String(y);
    }
    if (index === 0) {
      return ja ? y + '年' + (m + 1) + '月' : months[m] + ' ' + y;
    }
    return ja ? (m + 1) + '月' : months[m];
  }

  // trim drops the zeros after a decimal point, and the point if nothing is left.
  function trim(s) {
    return s.indexOf('.') < 0 ? s : s.replace(/0+$/, '').replace(/\.$/, '');
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

  // renderLag draws the detection → disclosure lag of one incident on the timeline: a dashed
  // bracket under the incident's band from the detected to the disclosed date, with the days
  // written above it. Its data item is [incident index, detected ms, disclosed ms]; the text
  // is the chart's label for the item, drawn as text.
  function renderLag(text, font) {
    return function (params, api) {
      var y = api.value(0);
      var a = api.coord([api.value(1), y]);
      var b = api.coord([api.value(2), y]);
      var band = api.size([0, 1])[1];
      var ly = a[1] + band * 0.42;
      var color = api.visual('color');
      var label = ((text || {})[params.seriesIndex] || [])[params.dataIndex] || '';
      return {type: 'group', children: [
        {type: 'line', shape: {x1: a[0], y1: ly, x2: b[0], y2: ly}, style: {stroke: color, lineWidth: 1.3, lineDash: [4, 3]}},
        {type: 'line', shape: {x1: a[0], y1: ly - 5, x2: a[0], y2: ly + 5}, style: {stroke: color, lineWidth: 1.3}},
        {type: 'line', shape: {x1: b[0], y1: ly - 5, x2: b[0], y2: ly + 5}, style: {stroke: color, lineWidth: 1.3}},
        {type: 'text', x: (a[0] + b[0]) / 2, y: ly - 2, silent: true, style: {
          text: label, fill: '#222222', font: '600 11px ' + font, align: 'center', verticalAlign: 'bottom',
          stroke: '#ffffff', lineWidth: 3}}
      ]};
    };
  }

  // Tests and image makers read the formatter through here.
  window.breachreport = {compact: compact, dateLabel: dateLabel, escapeHTML: escapeHTML};

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
      var text = p.labels || {};
      var font = (opt.textStyle && opt.textStyle.fontFamily) || 'sans-serif';
      opt.series = opt.series || [];
      opt.series.forEach(function (s, i) {
        if (s.type === 'custom') {
          s.renderItem = s.id === 'lag' ? renderLag(text, font) : renderWindow;
        } else if (text[i]) {
          s.label = s.label || {};
          s.label.formatter = function (q) { return text[q.seriesIndex][q.dataIndex] || ''; };
        }
      });
      (p.time || []).forEach(function (name) {
        [].concat(opt[name] || []).forEach(function (ax) {
          ax.axisLabel = ax.axisLabel || {};
          ax.axisLabel.formatter = function (val, index) { return dateLabel(val, index, p.lang); };
        });
      });
      (p.compact || []).forEach(function (name) {
        [].concat(opt[name] || []).forEach(function (ax) {
          ax.axisLabel = ax.axisLabel || {};
          ax.axisLabel.formatter = function (val) { return compact(val, p.lang); };
        });
      });
      Object.keys(p.ticks || {}).forEach(function (name) {
        var ticks = p.ticks[name];
        [].concat(opt[name] || []).forEach(function (ax) {
          ax.axisLabel = ax.axisLabel || {};
          ax.axisLabel.formatter = function (val, index) { return ticks[index] == null ? String(val) : ticks[index]; };
        });
      });
      var chart = echarts.init(box, null, {renderer: 'svg'});
      chart.setOption(opt);
      drawn.push(chart);
    } catch (e) {
      box.textContent = failed + (e && e.message ? e.message : String(e));
      box.className += ' failed';
    }
  });
  // data-charts says the page has run: how many charts it drew.
  document.documentElement.setAttribute('data-charts', String(drawn.length));
  window.addEventListener('resize', function () {
    drawn.forEach(function (c) { c.resize(); });
  });
})();
