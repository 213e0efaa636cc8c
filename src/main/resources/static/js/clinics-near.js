// Clinics near me (SPEC B9): asks the browser for the position when the person presses the button,
// loads the list for that one position and puts the clinics on a Leaflet map. The position is sent
// once, in the list's query, and kept nowhere; without tiles or Leaflet the list still stands.
(function () {
  const root = document.getElementById('near');
  if (!root) {
    return;
  }
  const button = document.getElementById('near-find');
  const radius = document.getElementById('near-radius');
  const status = document.getElementById('near-status');
  const results = document.getElementById('near-results');
  const mapBox = document.getElementById('near-map');
  let map = null;
  let markers = null;

  function say(text) {
    status.textContent = text || '';
  }

  function showMap(position) {
    if (typeof window.L === 'undefined') {
      return;
    }
    try {
      mapBox.classList.remove('d-none');
      mapBox.setAttribute('aria-label', root.dataset.mapLabel);
      if (!map) {
        map = window.L.map(mapBox);
        window.L.tileLayer(root.dataset.tilesUrl, {
          maxZoom: 19,
          attribution: root.dataset.attribution
        }).addTo(map);
        markers = window.L.layerGroup().addTo(map);
      }
      markers.clearLayers();
      const here = [position.coords.latitude, position.coords.longitude];
      const points = [here];
      window.L.circleMarker(here, { radius: 8 }).addTo(markers);
      results.querySelectorAll('.near-clinic').forEach(function (item) {
        const point = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
        if (isNaN(point[0]) || isNaN(point[1])) {
          return;
        }
        points.push(point);
        const link = document.createElement('a');
        link.href = item.dataset.href;
        link.textContent = item.dataset.name;
        window.L.marker(point, { title: item.dataset.name, alt: item.dataset.name }).bindPopup(link).addTo(markers);
      });
      map.fitBounds(window.L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
    } catch (e) {
      mapBox.classList.add('d-none');
    }
  }

  function load(position) {
    const query = new URLSearchParams({
      lat: position.coords.latitude.toFixed(6),
      lon: position.coords.longitude.toFixed(6),
      radiusKm: radius.value
    });
    fetch(root.dataset.listUrl + '?' + query.toString(), {
      headers: { Accept: 'text/html' },
      credentials: 'same-origin'
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        results.innerHTML = html;
        say('');
        button.disabled = false;
        showMap(position);
      })
      .catch(function () {
        say(root.dataset.failed);
        button.disabled = false;
      });
  }

  button.addEventListener('click', function () {
    if (!('geolocation' in navigator)) {
      say(root.dataset.unsupported);
      return;
    }
    button.disabled = true;
    say(root.dataset.locating);
    navigator.geolocation.getCurrentPosition(load, function () {
      say(root.dataset.denied);
      button.disabled = false;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
  });
})();
