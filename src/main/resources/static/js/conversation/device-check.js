// The device check before a call (SPEC J2): camera preview, microphone level, the devices found,
// whether the WebSocket link to the server opens, and plain advice when something is missing or
// not allowed.

import { deviceAdvice } from './call.js';

const root = document.querySelector('.device-check');
const texts = (key) => {
  const span = root.querySelector(`.device-texts [data-text="${key}"]`);
  return span ? span.textContent : key;
};
const $ = (id) => document.getElementById(id);

function advise(message) {
  const advice = $('device-advice');
  advice.hidden = !message;
  advice.textContent = message || '';
}

async function listDevices() {
  const list = $('device-list');
  list.replaceChildren();
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  for (const device of devices.filter((d) => d.kind !== 'audiooutput')) {
    const item = document.createElement('li');
    item.textContent = `${device.kind === 'videoinput' ? '🎥' : '🎤'} ${device.label || device.kind}`;
    list.append(item);
  }
  return devices;
}

function meter(stream) {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let loudest = 0;
  const bar = $('microphone-level');
  const started = Date.now();
  const draw = () => {
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128));
    const level = Math.min(100, Math.round((peak / 128) * 100 * 2));
    loudest = Math.max(loudest, level);
    bar.style.width = `${level}%`;
    bar.parentElement.setAttribute('aria-valuenow', String(level));
    root.dataset.microphoneLevel = String(loudest);
    if (Date.now() - started > 3000) {
      $('microphone-state').textContent = texts(loudest > 2 ? 'microphone.ok' : 'microphone.silent');
    }
    requestAnimationFrame(draw);
  };
  draw();
}

function checkConnection() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}${root.dataset.base || '/'}ws`);
  const state = $('connection-state');
  const timer = setTimeout(() => { state.textContent = texts('connection.blocked'); socket.close(); }, 8000);
  socket.onopen = () => {
    socket.send('CONNECT\naccept-version:1.2\nheart-beat:0,0\n\n\u0000');
  };
  socket.onmessage = (event) => {
    clearTimeout(timer);
    const ok = String(event.data).startsWith('CONNECTED');
    state.textContent = texts(ok ? 'connection.ok' : 'connection.blocked');
    root.dataset.connection = ok ? 'ok' : 'blocked';
    socket.close();
  };
  socket.onerror = () => {
    clearTimeout(timer);
    state.textContent = texts('connection.blocked');
    root.dataset.connection = 'blocked';
  };
}

async function start() {
  advise('');
  checkConnection();
  if (!navigator.mediaDevices || !window.isSecureContext) {
    advise(deviceAdvice(null, texts));
    root.dataset.result = 'insecure';
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (error) {
    if (error.name === 'NotFoundError') {
      // One of the two may exist: try each alone.
      stream = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null)
        || await navigator.mediaDevices.getUserMedia({ video: true }).catch(() => null);
    }
    if (!stream) {
      advise(deviceAdvice(error, texts));
      root.dataset.result = error.name || 'error';
      await listDevices().catch(() => {});
      return;
    }
  }
  await listDevices();
  const hasVideo = stream.getVideoTracks().length > 0;
  const hasAudio = stream.getAudioTracks().length > 0;
  $('device-preview').srcObject = hasVideo ? stream : null;
  $('camera-state').textContent = texts(hasVideo ? 'camera.ok' : 'camera.none');
  if (hasAudio) {
    $('microphone-state').textContent = '…';
    meter(stream);
  } else {
    $('microphone-state').textContent = texts('microphone.none');
  }
  root.dataset.result = hasVideo && hasAudio ? 'ok' : 'partial';
}

$('device-start').addEventListener('click', start);
