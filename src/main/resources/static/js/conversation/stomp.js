// A small STOMP 1.2 client over a plain WebSocket: connect with headers, subscribe, send, heart-beats
// and reconnecting with back-off. Enough for the chat and call signalling; no build step, no library.

const NULL = '\u0000';

function escapeHeader(value) {
  return String(value).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/:/g, '\\c');
}

function unescapeHeader(value) {
  return value.replace(/\\(\\|r|n|c)/g, (_, c) => ({ '\\': '\\', r: '\r', n: '\n', c: ':' })[c]);
}

function frame(command, headers, body = '') {
  const escape = command === 'CONNECT' ? (v) => String(v) : escapeHeader;
  const lines = [command];
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) lines.push(`${escape(name)}:${escape(value)}`);
  }
  return `${lines.join('\n')}\n\n${body}${NULL}`;
}

function parse(text) {
  const frames = [];
  for (const chunk of text.split(NULL)) {
    const data = chunk.replace(/^[\r\n]+/, '');
    if (!data) continue;
    const split = data.indexOf('\n\n');
    const head = (split < 0 ? data : data.slice(0, split)).split('\n');
    const body = split < 0 ? '' : data.slice(split + 2);
    const headers = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) {
        const name = unescapeHeader(line.slice(0, colon));
        if (!(name in headers)) headers[name] = unescapeHeader(line.slice(colon + 1));
      }
    }
    frames.push({ command: head[0].trim(), headers, body });
  }
  return frames;
}

export class StompClient {
  /**
   * @param {string} url ws:// or wss:// address of the STOMP endpoint
   * @param {object} options connectHeaders, onConnect(), onDisconnect(wasConnected), onError(frame)
   */
  constructor(url, options = {}) {
    this.url = url;
    this.options = options;
    this.subscriptions = new Map();
    this.nextId = 1;
    this.connected = false;
    this.active = false;
    this.delay = 1000;
  }

  activate() {
    this.active = true;
    this.open();
  }

  deactivate() {
    this.active = false;
    clearTimeout(this.retry);
    clearInterval(this.beat);
    if (this.socket) this.socket.close();
  }

  open() {
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      this.closed(false);
      return;
    }
    this.socket = socket;
    let wasConnected = false;
    // A proxy may accept the upgrade and then pass nothing: no CONNECTED in time counts as blocked.
    const timeout = setTimeout(() => { if (!wasConnected) socket.close(); }, this.options.connectTimeout || 8000);
    socket.onopen = () => {
      socket.send(frame('CONNECT', {
        'accept-version': '1.2',
        host: location.hostname,
        'heart-beat': '10000,10000',
        ...(this.options.connectHeaders || {}),
      }));
    };
    socket.onmessage = (event) => {
      this.lastSeen = Date.now();
      for (const received of parse(event.data)) {
        if (received.command === 'CONNECTED') {
          wasConnected = true;
          this.connected = true;
          this.delay = 1000;
          this.startHeartbeat();
          for (const [id, sub] of this.subscriptions) {
            socket.send(frame('SUBSCRIBE', { id, destination: sub.destination }));
          }
          if (this.options.onConnect) this.options.onConnect();
        } else if (received.command === 'MESSAGE') {
          const sub = this.subscriptions.get(received.headers.subscription);
          if (sub) {
            let body = received.body;
            try { body = JSON.parse(received.body); } catch (e) { /* not JSON */ }
            sub.callback(body, received.headers);
          }
        } else if (received.command === 'ERROR') {
          if (this.options.onError) this.options.onError(received);
        }
      }
    };
    socket.onclose = () => {
      clearTimeout(timeout);
      if (this.socket === socket) this.closed(wasConnected);
    };
  }

  closed(wasConnected) {
    this.connected = false;
    clearInterval(this.beat);
    if (this.options.onDisconnect) this.options.onDisconnect(wasConnected);
    if (this.active) {
      this.retry = setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, 30000);
    }
  }

  startHeartbeat() {
    clearInterval(this.beat);
    this.lastSeen = Date.now();
    this.beat = setInterval(() => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
      this.socket.send('\n');
      // The server beats every 10 s; three missed beats mean the link is gone though the socket
      // has not noticed (a network drop).
      if (Date.now() - this.lastSeen > 30000) this.socket.close();
    }, 10000);
  }

  /** Subscribes now and again after every reconnect; returns the subscription id. */
  subscribe(destination, callback) {
    const id = `sub-${this.nextId++}`;
    this.subscriptions.set(id, { destination, callback });
    if (this.connected) this.socket.send(frame('SUBSCRIBE', { id, destination }));
    return id;
  }

  /** Sends a JSON body; false when not connected (the caller falls back to HTTP). */
  send(destination, body) {
    if (!this.connected) return false;
    const text = JSON.stringify(body ?? {});
    this.socket.send(frame('SEND', {
      destination,
      'content-type': 'application/json',
      'content-length': new TextEncoder().encode(text).length,
    }, text));
    return true;
  }
}
