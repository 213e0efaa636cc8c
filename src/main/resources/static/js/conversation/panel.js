// The chat and call panel of a room (templates/conversation/panel.html). Real time over STOMP at
// /ws; when WebSocket is blocked the panel polls the room's messages every few seconds and sends
// over HTTP, so the chat works through any proxy (SPEC D4).

import { StompClient } from './stomp.js';
import { Call } from './call.js';

const POLL_MS = 3000;

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

class Panel {
  constructor(root) {
    this.root = root;
    this.room = root.dataset.room;
    this.user = root.dataset.user;
    this.base = root.dataset.base || '/';
    this.open = root.dataset.open === 'true';
    this.lastSeq = 0;
    this.lastId = null;
    this.items = new Map();
    this.readByOthers = 0;
    this.unread = 0;
    this.list = root.querySelector('.conversation-messages');
    this.form = root.querySelector('.conversation-form');
    this.textsByKey = {};
    for (const span of root.querySelectorAll('.conversation-texts [data-text]')) {
      this.textsByKey[span.dataset.text] = span.textContent;
    }
    this.texts = (key) => this.textsByKey[key] || key;
  }

  async start() {
    if (this.form) this.bindForm();
    const callRoot = this.root.querySelector('.conversation-call');
    if (callRoot) {
      this.call = new Call({
        root: callRoot,
        room: this.room,
        base: this.base,
        texts: this.texts,
        signal: (signal) => this.stomp && this.stomp.send(`/app/rooms/${this.room}/signal`, signal),
      });
      this.call.setAvailable(false);
    }
    document.addEventListener('visibilitychange', () => { if (!document.hidden) this.markRead(); });
    await this.fetchNew();
    this.connect();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.stomp = new StompClient(`${scheme}://${location.host}${this.base}ws`, {
      onConnect: () => {
        this.setLink('live');
        this.stopPolling();
        if (this.call) {
          this.call.setAvailable(this.open);
          this.call.reconnected();
        }
        // Whatever arrived while the link was down.
        this.fetchNew();
      },
      onDisconnect: () => {
        this.setLink('polling');
        if (this.call) this.call.setAvailable(false);
        this.startPolling();
      },
    });
    this.stomp.subscribe(`/topic/rooms.${this.room}`, (event) => this.onRoomEvent(event));
    this.stomp.subscribe('/user/queue/signal', (signal) => {
      if (this.call && signal.room === this.room) this.call.onSignal(signal);
    });
    this.stomp.subscribe('/user/queue/errors', (problem) => this.showProblem(problem));
    this.stomp.activate();
  }

  setLink(state) {
    const badge = this.root.querySelector('.conversation-link');
    badge.dataset.state = state;
    badge.textContent = this.texts(`link.${state}`);
    badge.className = `badge conversation-link ${state === 'live' ? 'text-bg-success' : 'text-bg-warning'}`;
    this.root.dataset.link = state;
  }

  startPolling() {
    if (this.poller) return;
    this.poller = setInterval(() => this.fetchNew(), POLL_MS);
  }

  stopPolling() {
    clearInterval(this.poller);
    this.poller = null;
  }

  async fetchNew() {
    const query = this.lastSeq > 0 ? `?afterSeq=${this.lastSeq}` : '';
    try {
      const response = await fetch(`${this.base}conversations/${this.room}/messages${query}`, {
        headers: { Accept: 'application/json' },
      });
      if (response.ok) (await response.json()).forEach((message) => this.render(message));
    } catch (e) { /* offline: the next poll or the STOMP link catches up */ }
  }

  onRoomEvent(event) {
    if (event.kind === 'message') {
      const m = event.message;
      this.render({ ...m, authorId: m.authorId, roomId: undefined });
    } else if (event.kind === 'read' && event.userId !== this.user) {
      this.readByOthers = Math.max(this.readByOthers, event.seq);
      this.showReadMarks();
    } else if (event.kind === 'closed') {
      this.open = false;
      this.root.querySelector('.conversation-closed').hidden = false;
      if (this.form) this.form.hidden = true;
      if (this.call) this.call.closed();
    }
  }

  render(message) {
    if (this.items.has(message.seq)) return;
    const mine = message.authorId === this.user;
    const item = document.createElement('li');
    item.className = `conversation-message${mine ? ' mine' : ''}`;
    item.dataset.seq = message.seq;
    item.dataset.id = message.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const time = new Date(message.sentAt);
    const author = message.authorRole === 'REPRESENTATIVE'
      ? `${message.authorName} (${this.texts('representative')})`
      : message.authorName;
    meta.textContent = `${mine ? this.texts('you') : author} · ${time.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'short', timeStyle: 'short' })}`;
    const read = document.createElement('span');
    read.className = 'read-mark ms-1';
    meta.append(read);
    item.append(meta);
    if (message.text) {
      const text = document.createElement('div');
      text.className = 'text';
      text.textContent = message.text;
      item.append(text);
    }
    for (const file of message.files || []) {
      const link = document.createElement('a');
      link.className = 'file d-block';
      link.href = `${this.base}conversations/${this.room}/files/${file.id}`;
      link.textContent = `📎 ${file.name} (${formatSize(file.size)})`;
      item.append(link);
    }
    this.items.set(message.seq, item);
    const later = [...this.list.children].find((li) => Number(li.dataset.seq) > message.seq);
    this.list.insertBefore(item, later || null);
    if (message.seq > this.lastSeq) {
      this.lastSeq = message.seq;
      this.lastId = message.id;
    }
    this.list.scrollTop = this.list.scrollHeight;
    // Answering marks what came before as read on the server too (Conversations.send).
    if (!mine) this.readByOthers = Math.max(this.readByOthers, message.seq);
    this.showReadMarks();
    if (!mine) {
      if (document.hidden) {
        this.unread += 1;
        this.showUnread();
      } else {
        this.markRead();
      }
    }
  }

  showReadMarks() {
    for (const [seq, item] of this.items) {
      if (item.classList.contains('mine') && seq <= this.readByOthers) {
        item.querySelector('.read-mark').textContent = `✓ ${this.texts('read')}`;
      }
    }
  }

  showUnread() {
    const badge = this.root.querySelector('.conversation-unread');
    badge.hidden = this.unread === 0;
    badge.textContent = String(this.unread);
  }

  markRead() {
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      if (!this.lastId) return;
      this.unread = 0;
      this.showUnread();
      const body = { upTo: this.lastId };
      if (!(this.stomp && this.stomp.send(`/app/rooms/${this.room}/read`, body))) {
        fetch(`${this.base}conversations/${this.room}/read`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
          body: JSON.stringify(body),
        }).catch(() => {});
      }
    }, 300);
  }

  bindForm() {
    const text = this.form.querySelector('.conversation-text');
    const file = this.form.querySelector('.conversation-file');
    file.addEventListener('change', () => {
      this.form.querySelector('.conversation-file-name').textContent = file.files.length ? file.files[0].name : '';
    });
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.form.addEventListener('submit', async (event) => {
      event.preventDefault();
      this.clearProblems();
      if (file.files.length) {
        await this.sendFile(file.files[0], text.value);
        return;
      }
      const value = text.value;
      if (this.stomp && this.stomp.send(`/app/rooms/${this.room}/messages`, { text: value })) {
        text.value = '';
        return;
      }
      await this.post(`${this.base}conversations/${this.room}/messages`, {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: value }),
      }, () => { text.value = ''; });
    });
  }

  async sendFile(chosen, caption) {
    const body = new FormData();
    body.append('file', chosen);
    if (caption) body.append('text', caption);
    await this.post(`${this.base}conversations/${this.room}/files`, { body }, () => {
      this.form.reset();
      this.form.querySelector('.conversation-file-name').textContent = '';
    });
  }

  async post(url, init, sent) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        ...init,
        headers: { Accept: 'application/json', ...(init.headers || {}), ...csrfHeaders() },
      });
      const json = await response.json().catch(() => ({}));
      if (response.ok) {
        this.render(json);
        sent();
      } else {
        this.showProblem(json);
      }
    } catch (e) {
      this.showProblem({ detail: this.texts('send-failed') });
    }
  }

  clearProblems() {
    const text = this.form.querySelector('.conversation-text');
    text.classList.remove('is-invalid');
    this.form.querySelector('.conversation-text-error').textContent = '';
    this.form.querySelector('.conversation-file-error').textContent = '';
  }

  showProblem(problem) {
    if (!this.form) return;
    if (problem.problem === 'room-closed') {
      this.onRoomEvent({ kind: 'closed' });
      return;
    }
    if (problem.field === 'file') {
      this.form.querySelector('.conversation-file-error').textContent = problem.detail || '';
    } else {
      const text = this.form.querySelector('.conversation-text');
      text.classList.add('is-invalid');
      this.form.querySelector('.conversation-text-error').textContent = problem.detail || this.texts('send-failed');
    }
  }
}

for (const root of document.querySelectorAll('.conversation-panel')) {
  if (!root.dataset.started) {
    root.dataset.started = 'true';
    new Panel(root).start();
  }
}
