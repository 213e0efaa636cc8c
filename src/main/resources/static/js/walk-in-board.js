// The waiting-room board (SPEC C9): follows the queue's public STOMP topic, polls the board API
// when WebSocket is blocked, and chimes when a new number is called. It renders numbers and rooms
// only, as the server sends them.
import { StompClient } from './conversation/stomp.js';

const root = document.getElementById('walk-in-board');
const queue = root.dataset.queue;
const base = root.dataset.base || '/';
const lines = document.getElementById('board-lines');
const waiting = document.getElementById('board-waiting');
let shown = Array.from(lines.querySelectorAll('.board-number')).map((n) => n.textContent).join(',');
let audio = null;

document.getElementById('board-sound').addEventListener('click', () => {
  audio = audio || new (window.AudioContext || window.webkitAudioContext)();
  audio.resume();
  chime();
});

function chime() {
  if (!audio) return;
  const now = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, now + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.4, now + i * 0.35 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.35 + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(now + i * 0.35);
    tone.stop(now + i * 0.35 + 0.32);
  });
}

function render(board) {
  const key = board.called.map((line) => line.number).join(',');
  waiting.textContent = board.waiting;
  if (key === shown) return;
  const before = shown.split(',');
  shown = key;
  lines.replaceChildren(...board.called.map((line, i) => {
    const item = document.createElement('li');
    item.className = `row walk-in-board-line${i === 0 ? ' latest' : ''}`;
    const number = document.createElement('span');
    number.className = 'col-6 board-number';
    number.textContent = line.number;
    const room = document.createElement('span');
    room.className = 'col-6 board-room';
    room.textContent = line.room;
    item.append(number, room);
    return item;
  }));
  const empty = document.getElementById('board-empty');
  if (empty) empty.hidden = board.called.length > 0;
  if (board.called.some((line) => !before.includes(line.number))) chime();
}

async function poll() {
  try {
    const response = await fetch(`${base}api/v1/walk-in-queues/${queue}/board`, { headers: { Accept: 'application/json' } });
    if (response.ok) render(await response.json());
  } catch (e) { /* the next poll tries again */ }
}

// Every 5 s while WebSocket is blocked; every 30 s beside a live topic, in case a message was lost
// between a reconnect and its subscription.
let timer = setInterval(poll, 5000);
function every(ms) { clearInterval(timer); timer = setInterval(poll, ms); }
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const client = new StompClient(`${scheme}://${location.host}${base}ws`, {
  onConnect: () => { every(30000); root.dataset.live = 'stomp'; poll(); },
  onDisconnect: () => { root.dataset.live = 'polling'; every(5000); },
});
client.subscribe(`/topic/public.walk-in.${queue}`, render);
client.activate();
