// WebRTC calls between the members of a room (SPEC D5). Offers, answers and ICE candidates travel
// over the room's authorised STOMP connection (/app/rooms/{id}/signal → /user/queue/signal of the
// other members). The caller restarts ICE when the connection drops, so a call survives a change of
// network; the callee answers the restart offer by itself.

/** Which browser's settings to describe when the camera was not allowed (issue 22, SPEC J2). */
function browserName() {
  const agent = navigator.userAgent;
  if (/YaBrowser/.test(agent)) return 'yandex';
  if (/Firefox\//.test(agent)) return 'firefox';
  if (/Safari\//.test(agent) && !/Chrom(e|ium)\//.test(agent)) return 'safari';
  return 'chrome';
}

export function deviceAdvice(error, texts) {
  if (!navigator.mediaDevices || !window.isSecureContext) return texts('device.insecure');
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `${texts('device.denied')} ${texts(`device.denied.${browserName()}`)}`.trim();
    case 'NotFoundError':
    case 'OverconstrainedError':
      return texts('device.missing');
    case 'NotReadableError':
    case 'AbortError':
      return texts('device.busy');
    default:
      return texts('device.other');
  }
}

export class Call {
  constructor({ root, room, base, texts, signal }) {
    this.root = root;
    this.room = room;
    this.base = base;
    this.texts = texts;
    this.signal = signal;
    this.state = 'idle';
    this.pending = [];
    this.el = (name) => root.querySelector(`.call-${name}`);
    this.el('video').addEventListener('click', () => this.start('VIDEO'));
    this.el('audio').addEventListener('click', () => this.start('AUDIO'));
    this.el('accept').addEventListener('click', () => this.accept());
    this.el('decline').addEventListener('click', () => this.decline());
    this.el('hangup').addEventListener('click', () => this.hangup());
    this.el('mute').addEventListener('click', () => this.toggleMute());
    this.el('camera').addEventListener('click', () => this.toggleCamera());
    window.addEventListener('online', () => this.restartIce());
    window.addEventListener('pagehide', () => { if (this.state !== 'idle') this.signal({ type: 'hangup' }); });
    this.setState('idle');
  }

  setState(state, status) {
    this.state = state;
    this.root.dataset.callState = state;
    this.el('start').hidden = state !== 'idle';
    this.el('incoming').hidden = state !== 'incoming';
    this.el('media').hidden = !['calling', 'connecting', 'active', 'reconnecting'].includes(state);
    if (status !== undefined) this.el('status').textContent = status;
  }

  /** Calls are possible only over the live STOMP link; polling cannot carry signals. */
  setAvailable(available) {
    for (const name of ['video', 'audio']) this.el(name).disabled = !available;
    if (!available && this.state === 'idle') this.el('status').textContent = this.texts('call.no-websocket');
    if (available && this.state === 'idle') this.el('status').textContent = '';
  }

  /** The STUN and TURN servers with fresh TURN credentials, and whether only TURN may carry media. */
  async iceConfiguration() {
    try {
      const response = await fetch(`${this.base}conversations/ice-servers`, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const { iceServers, iceTransportPolicy } = await response.json();
        return { iceServers, iceTransportPolicy: iceTransportPolicy || 'all' };
      }
    } catch (e) { /* no servers: host candidates only */ }
    return { iceServers: [] };
  }

  async media(mode) {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: true, video: mode === 'VIDEO' });
    } catch (error) {
      if (mode === 'VIDEO' && error && error.name === 'NotFoundError') {
        // No camera: the call goes on with sound only.
        return navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      }
      throw error;
    }
  }

  async connection(mode) {
    this.mode = mode;
    this.local = await this.media(mode);
    this.el('local').srcObject = this.local;
    this.el('local').hidden = this.local.getVideoTracks().length === 0;
    const pc = new RTCPeerConnection(await this.iceConfiguration());
    this.pc = pc;
    this.remote = new MediaStream();
    this.el('remote').srcObject = this.remote;
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
    pc.ontrack = (event) => {
      this.remote.addTrack(event.track);
      this.root.dataset.remoteTracks = String(this.remote.getTracks().length);
      this.el('remote').play().catch(() => {});
    };
    pc.onicecandidate = (event) => {
      if (event.candidate) this.signal({ type: 'candidate', candidate: event.candidate.toJSON() });
    };
    pc.oniceconnectionstatechange = () => this.iceChanged();
    return pc;
  }

  iceChanged() {
    if (!this.pc) return;
    const ice = this.pc.iceConnectionState;
    this.root.dataset.iceState = ice;
    if (ice === 'connected' || ice === 'completed') {
      clearTimeout(this.dropTimer);
      if (!this.startedAt) this.startedAt = Date.now();
      this.setState('active', this.texts('call.connected'));
      this.tick();
    } else if (ice === 'disconnected') {
      this.setState('reconnecting', this.texts('call.reconnecting'));
      clearTimeout(this.dropTimer);
      this.dropTimer = setTimeout(() => this.restartIce(), 2500);
    } else if (ice === 'failed') {
      this.setState('reconnecting', this.texts('call.reconnecting'));
      this.restartIce();
    }
  }

  tick() {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (!this.startedAt) return;
      const seconds = Math.floor((Date.now() - this.startedAt) / 1000);
      const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
      const ss = String(seconds % 60).padStart(2, '0');
      this.el('timer').textContent = `${mm}:${ss}`;
    }, 1000);
  }

  async start(mode) {
    if (this.state !== 'idle') return;
    this.role = 'caller';
    this.setState('calling', this.texts('call.calling'));
    try {
      const pc = await this.connection(mode);
      await pc.setLocalDescription(await pc.createOffer());
      this.signal({ type: 'offer', sdp: pc.localDescription.sdp, mode });
    } catch (error) {
      this.cleanup(deviceAdvice(error, this.texts));
    }
  }

  /** The caller restarts ICE after a drop (only the caller, so two offers never cross). */
  async restartIce() {
    if (!this.pc || this.role !== 'caller' || this.state === 'idle' || this.restarting) return;
    const ice = this.pc.iceConnectionState;
    if (ice === 'connected' || ice === 'completed') return;
    this.restarting = true;
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer({ iceRestart: true }));
      this.signal({ type: 'offer', sdp: this.pc.localDescription.sdp, mode: this.mode, restart: true });
    } finally {
      this.restarting = false;
    }
  }

  /** The signalling link came back: a call that lost its path tries again. */
  reconnected() {
    if (this.pc && this.state === 'reconnecting') this.restartIce();
  }

  async onSignal(signal) {
    switch (signal.type) {
      case 'offer':
        if (signal.restart && this.pc) {
          await this.pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
          await this.flushCandidates();
          await this.pc.setLocalDescription(await this.pc.createAnswer());
          this.signal({ type: 'answer', sdp: this.pc.localDescription.sdp, mode: this.mode, restart: true });
        } else if (this.state === 'idle') {
          this.offer = signal;
          this.pending = [];
          const text = this.texts(signal.mode === 'AUDIO' ? 'call.incoming-audio' : 'call.incoming');
          this.el('incoming-text').textContent = `${text} ${signal.fromName}`;
          this.setState('incoming');
        }
        break;
      case 'answer':
        if (this.pc && this.role === 'caller') {
          await this.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
          await this.flushCandidates();
          if (this.state === 'calling') this.setState('connecting', this.texts('call.connecting'));
        }
        break;
      case 'candidate':
        if (this.pc && this.pc.remoteDescription) {
          await this.pc.addIceCandidate(signal.candidate).catch(() => {});
        } else {
          this.pending.push(signal.candidate);
        }
        break;
      case 'hangup':
        if (this.state !== 'idle') this.cleanup(this.texts('call.ended'));
        break;
      case 'decline':
        if (this.state === 'calling') this.cleanup(this.texts('call.declined'));
        break;
      default:
        break;
    }
  }

  async flushCandidates() {
    const queued = this.pending;
    this.pending = [];
    for (const candidate of queued) await this.pc.addIceCandidate(candidate).catch(() => {});
  }

  async accept() {
    if (this.state !== 'incoming' || !this.offer) return;
    this.role = 'callee';
    const mode = this.offer.mode || 'VIDEO';
    this.setState('connecting', this.texts('call.connecting'));
    try {
      const pc = await this.connection(mode);
      await pc.setRemoteDescription({ type: 'offer', sdp: this.offer.sdp });
      await this.flushCandidates();
      await pc.setLocalDescription(await pc.createAnswer());
      this.signal({ type: 'answer', sdp: pc.localDescription.sdp, mode });
    } catch (error) {
      this.signal({ type: 'decline' });
      this.cleanup(deviceAdvice(error, this.texts));
    }
  }

  decline() {
    this.signal({ type: 'decline' });
    this.offer = null;
    this.setState('idle', '');
  }

  hangup() {
    this.signal({ type: 'hangup' });
    this.cleanup(this.texts('call.ended'));
  }

  toggleMute() {
    if (!this.local) return;
    const tracks = this.local.getAudioTracks();
    const muted = tracks.length > 0 && tracks[0].enabled;
    tracks.forEach((track) => { track.enabled = !muted; });
    this.el('mute').setAttribute('aria-pressed', String(muted));
    this.el('mute').textContent = this.texts(muted ? 'call.unmute' : 'call.mute');
    this.root.dataset.muted = String(muted);
  }

  toggleCamera() {
    if (!this.local) return;
    const tracks = this.local.getVideoTracks();
    const off = tracks.length > 0 && tracks[0].enabled;
    tracks.forEach((track) => { track.enabled = !off; });
    this.el('camera').setAttribute('aria-pressed', String(off));
    this.el('camera').textContent = this.texts(off ? 'call.camera-on' : 'call.camera-off');
    this.root.dataset.cameraOff = String(off);
  }

  /** The room closed: a call that goes on ends. */
  closed() {
    if (this.state !== 'idle') this.cleanup(this.texts('call.ended'));
    this.setAvailable(false);
  }

  cleanup(status) {
    clearTimeout(this.dropTimer);
    clearInterval(this.timer);
    if (this.pc) this.pc.close();
    if (this.local) this.local.getTracks().forEach((track) => track.stop());
    this.pc = null;
    this.local = null;
    this.offer = null;
    this.startedAt = null;
    this.pending = [];
    this.el('timer').textContent = '';
    this.el('remote').srcObject = null;
    this.el('local').srcObject = null;
    delete this.root.dataset.iceState;
    this.setState('idle', status);
  }
}
