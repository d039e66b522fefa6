// The portal's usage chart: used norm-hours as bars, the plan's hours as a line, from the data-* of #usage-chart.
(function () {
  var el = document.getElementById('usage-chart');
  if (!el || !window.echarts) { return; }
  function list(name, numbers) {
    var text = el.getAttribute(name) || '';
    var items = text === '' ? [] : text.split('|');
    return numbers ? items.map(Number) : items;
  }
  var data = { months: list('data-months', false), used: list('data-used', true),
    included: list('data-included', true), usedLabel: el.getAttribute('data-used-label'),
    includedLabel: el.getAttribute('data-included-label') };
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    tooltip: { trigger: 'axis' },
    legend: { data: [data.usedLabel, data.includedLabel], top: 0 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value' },
    series: [
      { name: data.usedLabel, type: 'bar', data: data.used, itemStyle: { color: '#14b8a6' }, barMaxWidth: 36 },
      { name: data.includedLabel, type: 'line', step: 'middle', data: data.included, itemStyle: { color: '#123a5e' },
        symbol: 'none', lineStyle: { width: 2 } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
