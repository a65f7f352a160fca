// The centre's view: a small client of the Janus VideoRoom HTTP API (through the hub's
// /session/janus forwarder). Publishes the browser's camera as the chair ("Trung tâm ...") and
// subscribes to every other publisher in the room, one handle and RTCPeerConnection per feed.
// Events arrive by long poll and are routed by "sender" (the handle id). Torn down on pagehide.
'use strict';
(() => {
  const $ = (s) => document.querySelector(s);
  const state = { cfg: null, session: 0, pub: null, myFeed: 0, subs: new Map(), handlers: new Map(), closed: false };
  const tx = () => Math.random().toString(36).slice(2, 14);

  function status(vi, en) {
    $('#status').innerHTML = '';
    $('#status').append(vi + ' ');
    const s = document.createElement('small');
    s.textContent = en;
    $('#status').append(s);
  }

  async function janus(path, body) {
    const r = await fetch(state.cfg.janus + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ transaction: tx() }, body)),
    });
    const j = await r.json();
    if (!r.ok || j.janus === 'error') throw new Error((j.error && j.error.reason) || j.message || ('HTTP ' + r.status));
    return j;
  }
  const message = (handle, body, jsep) =>
    janus('/' + state.session + '/' + handle, jsep ? { janus: 'message', body, jsep } : { janus: 'message', body });
  const trickle = (handle, candidate) =>
    janus('/' + state.session + '/' + handle, { janus: 'trickle', candidate: candidate || { completed: true } }).catch(() => {});

  async function attach(onEvent) {
    const j = await janus('/' + state.session, { janus: 'attach', plugin: 'janus.plugin.videoroom' });
    state.handlers.set(j.data.id, onEvent);
    return j.data.id;
  }

  async function poll() {
    while (!state.closed) {
      let events;
      try {
        const r = await fetch(state.cfg.janus + '/' + state.session + '?maxev=10&rid=' + Date.now());
        events = await r.json();
        if (!r.ok) throw new Error(events.message || ('HTTP ' + r.status));
      } catch (e) {
        if (state.closed) return;
        status('Mất kết nối máy chủ hội nghị, đang thử lại…', 'Conference server unreachable, retrying… (' + e.message + ')');
        await new Promise((res) => setTimeout(res, 2000));
        continue;
      }
      for (const ev of Array.isArray(events) ? events : [events]) {
        if (ev.janus === 'error' && ev.error && ev.error.code === 458) { restart(); return; }
        const h = state.handlers.get(ev.sender);
        if (h) { try { h(ev); } catch (e) { console.error('event handling failed', e, ev); } }
      }
    }
  }

  function addCandidate(pc, ev) {
    if (!pc || !ev.candidate) return;
    if (ev.candidate.completed) { pc.addIceCandidate(null).catch(() => {}); return; }
    pc.addIceCandidate(ev.candidate).catch((e) => console.warn('remote candidate rejected', e));
  }

  // ---- publisher (the centre's camera) ----
  async function startPublisher() {
    const handle = await attach(onPublisherEvent);
    state.pub = { handle, pc: null };
    await message(handle, { request: 'join', ptype: 'publisher', room: state.cfg.room, pin: state.cfg.pin,
      display: state.cfg.centreName });
  }

  function onPublisherEvent(ev) {
    if (ev.janus === 'trickle') { addCandidate(state.pub.pc, ev); return; }
    if (ev.janus !== 'event') return;
    const data = ev.plugindata && ev.plugindata.data;
    if (ev.jsep && state.pub.pc) state.pub.pc.setRemoteDescription(ev.jsep).catch((e) => console.error(e));
    if (!data) return;
    if (data.error) { status('Lỗi phòng hội nghị: ' + data.error, 'Conference room error: ' + data.error); return; }
    if (data.videoroom === 'joined') {
      state.myFeed = data.id;
      (data.publishers || []).forEach(subscribe);
      publishCamera();
    } else if (data.videoroom === 'event') {
      (data.publishers || []).forEach(subscribe);
      const gone = data.unpublished || data.leaving;
      if (gone && gone !== 'ok') unsubscribe(gone);
    }
    render();
  }

  async function publishCamera() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true });
    } catch (e) {
      console.warn('no camera', e);
      status('Không mở được camera: trung tâm chỉ xem', 'No camera: the centre only watches (' + e.name + ')');
      return;
    }
    const pc = new RTCPeerConnection({ iceServers: [] });
    state.pub.pc = pc;
    stream.getTracks().forEach((t) => pc.addTransceiver(t, { direction: 'sendonly', streams: [stream] }));
    pc.onicecandidate = (e) => trickle(state.pub.handle, e.candidate && e.candidate.toJSON());
    $('#self').srcObject = stream;
    $('#self-name').textContent = state.cfg.centreName;
    $('#self-tile').hidden = false;
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    await message(state.pub.handle, { request: 'publish', audio: true, video: true, display: state.cfg.centreName },
      { type: offer.type, sdp: offer.sdp });
  }

  // ---- subscribers (one per room) ----
  async function subscribe(p) {
    if (p.id === state.myFeed || state.subs.has(p.id)) return;
    const sub = { feed: p.id, display: p.display || ('feed ' + p.id), handle: 0, pc: null, tile: tile(p) };
    state.subs.set(p.id, sub);
    render();
    try {
      sub.handle = await attach((ev) => onSubscriberEvent(sub, ev));
      if (!state.subs.has(p.id)) { detach(sub.handle); return; }
      await message(sub.handle, { request: 'join', ptype: 'subscriber', room: state.cfg.room, pin: state.cfg.pin,
        private_id: state.pub && state.pub.privateId, streams: [{ feed: p.id }] });
    } catch (e) {
      console.error('subscribe failed', p, e);
      unsubscribe(p.id);
    }
  }

  function tile(p) {
    const fig = document.createElement('figure');
    fig.className = 'tile room';
    fig.dataset.feed = String(p.id);
    fig.dataset.display = p.display || '';
    const v = document.createElement('video');
    v.autoplay = true; v.playsInline = true; v.muted = true; v.className = 'feed';
    const cap = document.createElement('figcaption');
    cap.textContent = p.display || ('feed ' + p.id);
    fig.append(v, cap);
    $('#grid').append(fig);
    return fig;
  }

  async function onSubscriberEvent(sub, ev) {
    if (ev.janus === 'trickle') { addCandidate(sub.pc, ev); return; }
    if (ev.janus === 'hangup') { unsubscribe(sub.feed); return; }
    if (ev.janus !== 'event' || !ev.jsep || ev.jsep.type !== 'offer') return;
    const pc = sub.pc || new RTCPeerConnection({ iceServers: [] });
    if (!sub.pc) {
      sub.pc = pc;
      pc.onicecandidate = (e) => trickle(sub.handle, e.candidate && e.candidate.toJSON());
      pc.ontrack = (e) => {
        const v = sub.tile.querySelector('video');
        if (!v.srcObject) v.srcObject = new MediaStream();
        v.srcObject.addTrack(e.track);
        v.play().catch(() => {});
      };
    }
    await pc.setRemoteDescription(ev.jsep);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await message(sub.handle, { request: 'start' }, { type: answer.type, sdp: answer.sdp });
  }

  function unsubscribe(feed) {
    const sub = state.subs.get(feed);
    if (!sub) return;
    state.subs.delete(feed);
    if (sub.pc) sub.pc.close();
    sub.tile.remove();
    if (sub.handle) detach(sub.handle);
    render();
  }

  function detach(handle) {
    state.handlers.delete(handle);
    janus('/' + state.session + '/' + handle, { janus: 'detach' }).catch(() => {});
  }

  function render() {
    const n = state.subs.size;
    $('#empty').hidden = n > 0;
    if (state.session) status('Trong phiên: ' + n + ' phòng', 'In session: ' + n + ' room' + (n === 1 ? '' : 's'));
  }

  // ---- lifecycle ----
  async function start() {
    status('Đang kết nối…', 'Connecting…');
    const j = await janus('', { janus: 'create' });
    state.session = j.data.id;
    poll();
    await startPublisher();
    $('#hangup').hidden = false;
    $('#unmute').hidden = false;
    render();
  }

  function restart() {
    teardownLocal();
    state.session = 0;
    setTimeout(() => start().catch(failed), 1000);
  }

  function teardownLocal() {
    for (const feed of [...state.subs.keys()]) unsubscribe(feed);
    if (state.pub && state.pub.pc) state.pub.pc.close();
    state.pub = null;
    state.handlers.clear();
  }

  function destroy() {
    if (!state.session || state.closed) return;
    state.closed = true;
    // keepalive lets the request outlive the page.
    fetch(state.cfg.janus + '/' + state.session, {
      method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ janus: 'destroy', transaction: tx() }),
    }).catch(() => {});
    teardownLocal();
  }

  function failed(e) {
    console.error(e);
    status('Không vào được phiên: ' + e.message, 'Could not join the session: ' + e.message);
  }

  async function load() {
    const r = await fetch('/session/config', { cache: 'no-store' });
    if (r.status === 401) {
      status('Cần đăng nhập', 'Sign in required');
      $('#login').hidden = false;
      return;
    }
    state.cfg = await r.json();
    if (!state.cfg.configured) {
      status('Hub chưa cấu hình máy chủ hội nghị (conference.url)', 'The hub has no conference server configured');
      return;
    }
    start().catch(failed);
  }

  $('#login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await fetch('/api/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('#username').value, password: $('#password').value }),
    });
    if (!r.ok) { $('#login-error').textContent = 'Sai tên đăng nhập hoặc mật khẩu / Wrong username or password'; return; }
    $('#login').hidden = true;
    load().catch(failed);
  });
  $('#unmute').addEventListener('click', () => {
    document.querySelectorAll('video.feed').forEach((v) => { v.muted = false; });
    $('#unmute').hidden = true;
  });
  $('#hangup').addEventListener('click', () => { destroy(); status('Đã rời phiên', 'Left the session'); $('#hangup').hidden = true; });
  window.addEventListener('pagehide', destroy);
  window.addEventListener('beforeunload', destroy);
  window.diemcauSession = state; // for tests and troubleshooting
  load().catch(failed);
})();
