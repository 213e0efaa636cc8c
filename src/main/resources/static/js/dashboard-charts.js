// Charts of the clinic dashboard (SPEC J3): doctors' load by day, requests by state by day, and
// protocols sent beside missed appointments. Data comes from a JSON script element the page renders;
// each chart has its table beneath, which is its text alternative.
(function () {
  const data = document.getElementById('dashboard-data');
  const labels = document.getElementById('chart-labels');
  if (!data || !labels || typeof Chart === 'undefined') {
    return;
  }
  const series = JSON.parse(data.textContent);
  const names = labels.dataset;
  const days = series.days.map((day) => day.substring(8, 10) + '.' + day.substring(5, 7));
  const draw = (id, type, datasets, stacked) => {
    const canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, {
      type: type,
      data: { labels: days, datasets: datasets },
      options: {
        responsive: true,
        aspectRatio: 3,
        animation: false,
        plugins: { legend: { display: true } },
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  };
  draw('load-chart', 'bar', [
    { label: names.booked, data: series.booked, backgroundColor: '#0d6efd' },
    { label: names.free, data: series.free, backgroundColor: 'rgba(13,110,253,0.25)' }
  ], true);
  draw('requests-chart', 'bar', [
    { label: names.new, data: series.newRequests, backgroundColor: '#6c757d' },
    { label: names.overdue, data: series.overdue, backgroundColor: '#dc3545' },
    { label: names.inWork, data: series.inWork, backgroundColor: '#fd7e14' },
    { label: names.closed, data: series.closed, backgroundColor: '#198754' },
    { label: names.cancelled, data: series.cancelled, backgroundColor: '#adb5bd' }
  ], true);
  draw('protocols-chart', 'line', [
    { label: names.protocols, data: series.protocolsSent, borderColor: '#198754', backgroundColor: '#198754', tension: 0.2 },
    { label: names.missed, data: series.missed, borderColor: '#dc3545', backgroundColor: '#dc3545', tension: 0.2 }
  ], false);
})();
