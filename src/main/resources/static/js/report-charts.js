// Draws every [data-chart] element with ECharts and wires the chart/numbers toggles.
(function () {
  var palette = ['#2563eb', '#0ea5a4', '#f59e0b', '#ef4444', '#8b5cf6', '#64748b', '#10b981', '#db2777', '#92400e', '#0891b2', '#84cc16', '#1e3a8a'];
  function wrap(text) {
    var lines = [], line = '';
    String(text).split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > 11) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    lines.push(line);
    return lines.length > 3 ? lines.slice(0, 3).join('\n') + '…' : lines.join('\n');
  }
  function option(spec) {
    var base = { color: palette, animation: false, tooltip: { trigger: spec.type === 'pie' ? 'item' : 'axis' },
      legend: { bottom: 0, type: 'scroll' }, grid: { left: 48, right: 16, top: spec.valueName ? 40 : 16, bottom: 56, containLabel: true } };
    if (spec.type === 'pie') {
      base.series = [{ type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'],
        data: spec.categories.map(function (c, i) { return { name: c, value: spec.series[0].data[i] }; }),
        label: { formatter: '{b}: {c}' } }];
      return base;
    }
    // labels break between words only (ECharts would break Cyrillic words anywhere), at most three lines;
    // with many categories ECharts leaves out the ones that would overlap
    base.xAxis = { type: 'category', data: spec.categories,
      axisLabel: spec.categories.length <= 8 ? { interval: 0, formatter: wrap, lineHeight: 14, verticalAlign: 'top' }
        : { interval: 'auto', hideOverlap: true, formatter: wrap, lineHeight: 14, verticalAlign: 'top' } };
    base.yAxis = { type: 'value', name: spec.valueName || '', nameTextStyle: { align: 'left' } };
    base.series = spec.series.map(function (s) {
      return { name: s.name, type: spec.type === 'line' ? 'line' : 'bar', data: s.data, smooth: false,
        stack: spec.type === 'stack' ? 'total' : undefined, barMaxWidth: 36, connectNulls: true };
    });
    return base;
  }
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option(JSON.parse(el.getAttribute('data-chart'))));
    el.echarts = chart;
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.querySelectorAll('.chart-toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-target');
      var chart = document.getElementById(id);
      var table = document.getElementById(id + '-table');
      var showTable = table.hidden;
      table.hidden = !showTable;
      chart.hidden = showTable;
      button.textContent = showTable ? button.getAttribute('data-chart-label') : button.getAttribute('data-table-label');
      if (!showTable && chart.echarts) { chart.echarts.resize(); }
    });
  });
})();
