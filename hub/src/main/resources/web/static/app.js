/* Shared helpers of the dashboard pages: boot data, texts, API calls, live events, dialogs. */
(function () {
  'use strict';
  if (window.DC) return;
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const DC = window.DC = {
    boot,
    lang: boot.lang,
    can: p => (boot.perms || []).includes(p),
    t(key, ...args) {
      let s = (boot.t || {})[key];
      if (s === undefined) return key;
      args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
      return s;
    },
    esc(v) {
      return String(v ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
    },
    el(html) { const t = document.createElement('template'); t.innerHTML = html.trim(); return t.content.firstElementChild; },

    /** Calls the REST API with the session cookie; rejects with the API's message (never a stack trace). */
    async api(method, path, body, headers) {
      const opts = {method, credentials: 'same-origin', headers: Object.assign({'X-Requested-With': 'dashboard'}, headers || {})};
      if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
      let res;
      try { res = await fetch(path, opts); } catch (e) { throw new Error(DC.t('reconnectingLive')); }
      if (res.status === 401) { location.href = '/ui/login'; throw new Error(DC.t('error')); }
      if (res.status === 204) return null;
      const type = res.headers.get('Content-Type') || '';
      const data = type.includes('json') ? await res.json() : await res.text();
      if (!res.ok) { const e = new Error((data && data.error) || (DC.t('error') + ' ' + res.status)); e.status = res.status; if (data && data.field) e.field = data.field; throw e; }
      return data;
    },

    toast(msg, bad) {
      const n = DC.el('<div class="toast' + (bad ? ' bad' : '') + '"></div>');
      n.textContent = msg;
      document.getElementById('toasts').appendChild(n);
      setTimeout(() => n.remove(), bad ? 7000 : 3500);
    },

    /** A modal confirmation; resolves with the dialog's form values, or null when cancelled. */
    confirm(title, bodyHtml, okLabel, danger) {
      const d = document.getElementById('dialog');
      document.getElementById('dialog-title').textContent = title;
      document.getElementById('dialog-body').innerHTML = bodyHtml;
      const ok = document.getElementById('dialog-ok');
      ok.textContent = okLabel || DC.t('confirm');
      ok.className = danger ? 'danger' : 'primary';
      document.getElementById('dialog-cancel').textContent = DC.t('cancel');
      return new Promise(resolve => {
        d.onclose = () => {
          if (d.returnValue !== 'ok') return resolve(null);
          const values = {};
          d.querySelectorAll('#dialog-body [name]').forEach(i => { values[i.name] = i.value; });
          resolve(values);
        };
        d.returnValue = '';
        d.showModal();
        const first = d.querySelector('#dialog-body input');
        (first || ok).focus();
      });
    },

    ago(iso) {
      if (!iso) return DC.t('never');
      const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
      if (s < 60) return DC.t('ago.s', s);
      if (s < 3600) return DC.t('ago.m', Math.floor(s / 60));
      if (s < 86400) return DC.t('ago.h', Math.floor(s / 3600));
      return DC.t('ago.d', Math.floor(s / 86400));
    },
    time(iso) {
      if (!iso) return '';
      return new Date(iso).toLocaleString(DC.lang === 'en' ? 'en-GB' : 'vi-VN', {hour12: false});
    },
    callLabel(state) {
      return ({IN_CALL: DC.t('incall'), JOINING: DC.t('joining'), IDLE: DC.t('idle'), LEAVING: DC.t('leaving'),
        FAILED: DC.t('failed'), RECONNECTING: DC.t('reconnecting')})[state] || state || '';
    },
    presenceLabel(p) { return ({ONLINE: DC.t('online'), OFFLINE: DC.t('offline')})[p] || DC.t('unknown'); },
    severity(kind) { return ['OFFLINE', 'CAMERA_MISSING', 'MICROPHONE_MISSING'].includes(kind) ? 'critical' : 'warning'; },
    cmdLabel(type) { return DC.t('cmd.' + type); },
    /** A join; fields left empty are completed by the hub (conference.* settings, each box's name). */
    joinCommand(v) {
      const cmd = {type: 'join'};
      ['conferenceUrl', 'room', 'pin', 'view'].forEach(k => { if (v[k] && v[k].trim()) cmd[k] = v[k].trim(); });
      return cmd;
    },
    /** The session start dialog's choice of what the rooms' TVs show; the hub's default (conference.view) preselected. */
    viewField() {
      const def = boot.defaultView || 'CENTRE';
      return '<label>' + DC.esc(DC.t('view')) + '<select name="view" id="join-view">' + ['CENTRE', 'ALL'].map(v =>
        '<option value="' + v + '"' + (v === def ? ' selected' : '') + '>' + DC.esc(DC.t('view.' + v)) + '</option>').join('') +
        '</select></label>';
    },

    /** Follows /api/events; reconnects by itself (EventSource); onResync re-reads everything. */
    live(handlers, onResync, withTelemetry) {
      const dot = document.getElementById('live');
      if (dot) dot.hidden = false;
      let es;
      const open = () => {
        es = new EventSource('/api/events' + (withTelemetry ? '?telemetry=true' : ''));
        es.onopen = () => { if (dot) { dot.classList.add('on'); dot.title = DC.t('live'); } };
        es.onerror = () => { if (dot) { dot.classList.remove('on'); dot.title = DC.t('reconnectingLive'); } };
        ['presence', 'alert', 'command', 'box', 'telemetry', 'reported', 'session'].forEach(name =>
          es.addEventListener(name, ev => { const h = handlers[name] || handlers.any; if (h) h(JSON.parse(ev.data)); }));
        es.addEventListener('resync', () => onResync && onResync());
      };
      open();
      window.addEventListener('beforeunload', () => es.close());
    },

    /** The credentials card (shown once, printable), with the QR code rendered by the hub. */
    async credentialsCard(slot, cred) {
      const hub = boot.hubAddress;
      const qrText = JSON.stringify({v: 1, hub, id: cred.box.id, username: cred.username, password: cred.password});
      slot.innerHTML = '<p class="cred-note no-print" id="cred-once">' + DC.esc(DC.t('cred.once')) + '</p>' +
        '<div class="cred-card" id="cred-card"><h3><img src="/ui/static/favicon.svg" width="22" height="22" alt="">' + DC.esc(DC.t('cred.title')) + ' — ' + DC.esc(cred.box.displayName) + '</h3>' +
        '<dl><dt>' + DC.esc(DC.t('cred.box')) + '</dt><dd id="cred-id">' + DC.esc(cred.box.id) + '</dd>' +
        '<dt>' + DC.esc(DC.t('cred.commune')) + '</dt><dd>' + DC.esc(cred.box.commune) + (cred.box.room ? ' / ' + DC.esc(cred.box.room) : '') + '</dd>' +
        '<dt>' + DC.esc(DC.t('cred.hub')) + '</dt><dd id="cred-hub">' + DC.esc(hub) + '</dd>' +
        '<dt>' + DC.esc(DC.t('cred.user')) + '</dt><dd>' + DC.esc(cred.username) + '</dd>' +
        '<dt>' + DC.esc(DC.t('cred.password')) + '</dt><dd id="cred-password">' + DC.esc(cred.password) + '</dd></dl>' +
        '<div class="qr" id="cred-qr"></div></div>' +
        '<p class="no-print"><button type="button" class="primary" id="cred-print">' + DC.esc(DC.t('print')) + '</button></p>';
      slot.querySelector('#cred-print').onclick = () => window.print();
      try {
        const res = await fetch('/ui/qr', {method: 'POST', credentials: 'same-origin', headers: {'X-Requested-With': 'dashboard', 'Content-Type': 'text/plain'}, body: qrText});
        if (res.ok) slot.querySelector('#cred-qr').innerHTML = await res.text();
      } catch (e) { /* the text is on the card anyway */ }
    }
  };

  // Header: language marker, logout, open alert count.
  document.querySelectorAll('.lang-' + boot.lang).forEach(a => a.classList.add('current'));
  const logout = document.getElementById('logout');
  if (logout) logout.onclick = async () => { try { await DC.api('POST', '/api/logout'); } catch (e) { /* leaving anyway */ } location.href = '/ui/login'; };
  DC.refreshAlertCount = async () => {
    const n = document.getElementById('nav-alerts');
    if (!n || !boot.user) return;
    try { const list = await DC.api('GET', '/api/alerts'); n.textContent = list.length; n.hidden = list.length === 0; } catch (e) { /* next time */ }
  };
  if (boot.user) DC.refreshAlertCount();
})();
