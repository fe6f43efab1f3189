// The simulation page charts the matrix once the result is there (htmx polls the progress row until then).
document.addEventListener("DOMContentLoaded", function () {
  var chart = document.getElementById("matrix-chart");
  if (!chart || typeof echarts === "undefined") {
    return;
  }
  var matrix = JSON.parse(chart.dataset.matrix || "{}");
  var from = Object.keys(matrix);
  var to = [];
  from.forEach(function (f) { Object.keys(matrix[f]).forEach(function (t) { if (to.indexOf(t) < 0) { to.push(t); } }); });
  var cells = [];
  var max = 1;
  from.forEach(function (f, y) {
    to.forEach(function (t, x) {
      var n = matrix[f][t] || 0;
      max = Math.max(max, n);
      cells.push([x, y, n]);
    });
  });
  echarts.init(chart).setOption({
    tooltip: { formatter: function (p) { return from[p.value[1]] + " → " + to[p.value[0]] + ": " + p.value[2]; } },
    xAxis: { type: "category", data: to, name: "this version" },
    yAxis: { type: "category", data: from, name: "active version" },
    visualMap: { min: 0, max: max, calculable: true, orient: "horizontal", left: "center", bottom: 0 },
    grid: { left: 110, bottom: 80 },
    series: [{ type: "heatmap", data: cells, label: { show: true } }]
  });
  chart.setAttribute("data-rendered", "true");
});
