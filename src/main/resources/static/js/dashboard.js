// Draws each currency's aging chart from its element's data attributes (CSP: no inline scripts).
// The table beside each chart carries the same figures for keyboard and screen-reader users.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") {
    return;
  }
  document.querySelectorAll(".chart[data-labels]").forEach(function (element) {
    var labels = element.dataset.labels.split("|");
    var amounts = element.dataset.amounts.split("|").map(Number);
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", name: element.dataset.currency },
      series: [{ type: "bar", data: amounts, name: element.dataset.currency }]
    });
    element.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
