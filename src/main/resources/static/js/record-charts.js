// Charts of the record pages (SPEC E4, E8): a laboratory value with its reference range over time,
// and diary readings. Data comes from a JSON script element the page renders.
(function () {
  const data = document.getElementById('chart-data');
  const canvas = document.getElementById('lab-chart') || document.getElementById('diary-chart');
  if (!data || !canvas || typeof Chart === 'undefined') {
    return;
  }
  const series = JSON.parse(data.textContent);
  const number = (value) => (value === null || value === undefined || value === '' ? null : Number(value));
  let datasets;
  let labels;
  if (series.points) {
    labels = series.points.map((p) => p.date);
    datasets = [
      { label: series.testName + ', ' + (canvas.dataset.unit || series.unit), data: series.points.map((p) => number(p.value)),
        borderColor: '#0d6efd', backgroundColor: '#0d6efd', tension: 0.2,
        pointBackgroundColor: series.points.map((p) => (p.flag === 'H' || p.flag === 'L' ? '#dc3545' : '#0d6efd')) },
      { label: canvas.dataset.low || '↓', data: series.points.map((p) => number(p.referenceLow)), borderColor: 'rgba(25,135,84,0.6)',
        borderDash: [6, 4], pointRadius: 0, fill: false, stepped: true },
      { label: canvas.dataset.high || '↑', data: series.points.map((p) => number(p.referenceHigh)), borderColor: 'rgba(25,135,84,0.6)',
        borderDash: [6, 4], pointRadius: 0, fill: '-1', backgroundColor: 'rgba(25,135,84,0.08)', stepped: true }
    ];
  } else {
    const readings = series.readings.slice().reverse();
    labels = readings.map((r) => r.measuredAt.substring(0, 16).replace('T', ' '));
    datasets = [{ label: series.label, data: readings.map((r) => number(r.value)), borderColor: '#0d6efd', tension: 0.2 }];
    if (readings.some((r) => r.value2 !== null && r.value2 !== undefined && r.value2 !== '')) {
      datasets.push({ label: series.label2, data: readings.map((r) => number(r.value2)), borderColor: '#6f42c1', tension: 0.2 });
    }
  }
  new Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets },
    options: { responsive: true, animation: false, plugins: { legend: { display: true } } } });
  canvas.setAttribute('data-rendered', 'true');
})();
