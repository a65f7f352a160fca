/* Box page: state, health charts, actions with their live lifecycle, snapshot, log lines, events, credentials, audit. */
(function () {
  'use strict';
  const t = DC.t, esc = DC.esc;
  const id = DC.boot.boxId;
  const base = '/api/boxes/' + encodeURIComponent(id);
  const trail = new Map();   // command id -> states seen live, in order
  let detail = null;

  async function loadDetail() {
    detail = await DC.api('GET', base);
    const b = detail.box, p = detail.presence;
    document.title = b.displayName + ' · ' + document.title.split(' · ').pop();
    document.getElementById('b-name').textContent = b.displayName;
    document.getElementById('b-sub').innerHTML = '<code>' + esc(b.id) + '</code> · ' + esc(b.commune) + (b.room ? ' · ' + esc(b.room) : '');
    const pres = document.getElementById('b-presence');
    pres.className = 'presence ' + p.state;
    pres.title = DC.presenceLabel(p.state);
    const tel = detail.telemetry ? detail.telemetry.telemetry : null;
    const rep = detail.state && detail.state.reported;
    const call = p.state !== 'ONLINE' ? null : rep ? {state: rep.call, room: rep.room, muted: !!rep.muted} : tel ? {state: tel.call.state, room: tel.call.room} : null;
    document.getElementById('b-call').innerHTML = '<span class="pill ' + esc(p.state) + '" id="b-presence-label">' + esc(DC.presenceLabel(p.state)) + '</span> ' +
      (call ? '<span class="pill ' + esc(call.state) + '" id="b-call-state">' + esc(DC.callLabel(call.state)) + (call.room ? ' · ' + esc(call.room) : '') + '</span>' +
        (call.muted ? ' <span class="badge warn mic-muted" id="b-muted">' + esc(t('micMuted')) + '</span>' : '') : '');
    const badges = [];
    if (tel && p.state === 'ONLINE') {
      if (tel.system.cpuTemperatureC != null) badges.push('<span class="badge">' + esc(t('temp')) + ': ' + tel.system.cpuTemperatureC.toFixed(1) + '</span>');
      badges.push('<span class="badge">CPU ' + Math.round(tel.system.cpuPercent) + '%</span>');
      badges.push('<span class="badge ' + (tel.peripherals.camera ? 'ok' : 'bad') + '">' + esc(t('camera')) + '</span>');
      badges.push('<span class="badge ' + (tel.peripherals.microphone ? 'ok' : 'bad') + '">' + esc(t('mic')) + '</span>');
    }
    (detail.openAlerts || []).forEach(a => badges.push('<span class="badge ' + (DC.severity(a.kind) === 'critical' ? 'bad' : 'warn') + '">⚠ ' + esc(t('kind.' + a.kind)) + '</span>'));
    document.getElementById('b-badges').innerHTML = badges.join('');
    const facts = [
      [t('cred.commune'), b.commune + (b.room ? ' / ' + b.room : '')],
      [DC.lang === 'en' ? 'Hardware' : 'Phần cứng', b.hardware + (p.hardwareModel ? ' · ' + p.hardwareModel : '')],
      [DC.lang === 'en' ? 'Software' : 'Phần mềm', p.softwareVersion || '—'],
      [DC.presenceLabel(p.state), DC.time(p.since)],
      [DC.lang === 'en' ? 'Last seen' : 'Lần cuối', p.lastSeen ? DC.ago(p.lastSeen) : t('never')],
      [DC.lang === 'en' ? 'Config version' : 'Phiên bản cấu hình', p.appliedConfigVersion != null ? String(p.appliedConfigVersion) : '—']];
    if (call && rep && rep.view && call.state !== 'IDLE') facts.push([t('view'), t('view.' + rep.view)]);
    if (rep && rep.lastError) facts.push([t('error'), rep.lastError]);
    document.getElementById('facts').innerHTML = facts.map(f => '<dt>' + esc(f[0]) + '</dt><dd>' + esc(f[1]) + '</dd>').join('');
    const cred = document.getElementById('cred-facts');
    if (cred) {
      cred.innerHTML = '<dt>' + esc(t('cred.user')) + '</dt><dd><code>' + esc(b.id) + '</code></dd><dt>' + esc(DC.lang === 'en' ? 'Issued' : 'Cấp lúc') + '</dt><dd>' + esc(DC.time(b.credentialsIssuedAt)) + '</dd>' +
        '<dt>' + esc(DC.lang === 'en' ? 'State' : 'Trạng thái') + '</dt><dd>' + esc(b.enabled ? t('enabled') : t('disabled')) + '</dd>';
      const toggle = document.getElementById('toggle-enabled');
      toggle.textContent = b.enabled ? (DC.lang === 'en' ? 'Disable' : 'Vô hiệu hóa') : (DC.lang === 'en' ? 'Enable' : 'Kích hoạt lại');
      toggle.className = b.enabled ? 'danger' : '';
    }
  }

  function chart(title, unit, points) {
    if (!points.length) return '<div class="chart"><h4>' + esc(title) + '</h4><svg viewBox="0 0 300 80"><text x="150" y="44" text-anchor="middle" fill="#98a2b3" font-size="12">' + esc(t('noData')) + '</text></svg></div>';
    const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
    let y0 = Math.min(0, ...ys), y1 = Math.max(...ys);
    if (y1 - y0 < 1e-9) y1 = y0 + 1;
    const X = x => 4 + (x - x0) / (x1 - x0) * 292, Y = y => 72 - (y - y0) / (y1 - y0) * 64;
    const line = points.map(p => X(p[0]).toFixed(1) + ',' + Y(p[1]).toFixed(1)).join(' ');
    const last = ys[ys.length - 1];
    const fmt = v => (Math.abs(v) >= 100 ? Math.round(v) : v.toFixed(1));
    return '<div class="chart"><h4>' + esc(title) + '<span><b>' + fmt(last) + (unit || '') + '</b> <small>max ' + fmt(Math.max(...ys)) + '</small></span></h4>' +
      '<svg viewBox="0 0 300 80" preserveAspectRatio="none"><line x1="4" x2="296" y1="72" y2="72" stroke="#e4e7ec"/><line x1="4" x2="296" y1="8" y2="8" stroke="#f2f4f7"/>' +
      '<polyline points="4,72 ' + line + ' ' + X(xs[xs.length - 1]).toFixed(1) + ',72" fill="#e8efff" stroke="none"/>' +
      '<polyline points="' + line + '" fill="none" stroke="#1d4ed8" stroke-width="1.6" vector-effect="non-scaling-stroke"/></svg></div>';
  }

  async function loadCharts() {
    const [raw, events] = await Promise.all([DC.api('GET', base + '/telemetry/raw?limit=2000'), DC.api('GET', base + '/events?limit=300')]);
    const pts = f => raw.filter(s => s[f] !== null && s[f] !== undefined).map(s => [Date.parse(s.at), s[f]]);
    const ttj = events.filter(e => e.event && e.event.timeToJoinMs != null).map(e => [Date.parse(e.at), e.event.timeToJoinMs / 1000]).sort((a, b) => a[0] - b[0]);
    document.getElementById('charts').innerHTML = chart(t('cpu'), '%', pts('cpuPercent')) + chart(t('temp'), '°', pts('cpuTemperatureC')) +
      chart(t('loss'), '%', pts('packetLossPercent')) + chart(t('bitrate'), '', pts('bitrateKbps')) + chart(t('ttj'), ' s', ttj);
    document.querySelector('#events tbody').innerHTML = events.slice(0, 30).map(e => '<tr><td class="muted">' + esc(DC.time(e.at)) + '</td><td><code>' + esc(e.type) + '</code></td><td>' + esc(summary(e.event)) + '</td></tr>').join('') ||
      '<tr class="empty-row"><td>' + esc(t('noData')) + '</td></tr>';
  }

  function summary(ev) {
    if (!ev) return '';
    const skip = ['seq', 'at', 'type'];
    return Object.keys(ev).filter(k => !skip.includes(k) && ev[k] !== null).map(k => k + ': ' + (typeof ev[k] === 'object' ? JSON.stringify(ev[k]) : ev[k])).join(', ');
  }

  function stateChain(c) {
    const seen = (trail.get(c.id) || [c.state]).slice();
    if (seen[seen.length - 1] !== c.state && !seen.includes(c.state)) seen.push(c.state);
    if (seen[0] !== 'SENT') seen.unshift('SENT');
    return seen.map(s => '<span class="pill ' + s + '">' + esc(t('state.' + s)) + '</span>').join(' → ');
  }

  async function loadCommands() {
    const list = await DC.api('GET', '/api/commands?box=' + encodeURIComponent(id) + '&limit=10');
    document.querySelector('#commands tbody').innerHTML = list.map(c => '<tr data-command="' + esc(c.id) + '" data-state="' + esc(c.state) + '"><td class="muted">' + esc(DC.time(c.issuedAt)) + '</td><td><b>' + esc(DC.cmdLabel(c.type)) + '</b><br><span class="muted small">' + esc(t('by')) + ' ' + esc(c.issuedBy) + '</span></td><td class="chain">' + stateChain(c) + (c.reason ? '<br><span class="muted small">' + esc(c.reason) + '</span>' : '') + '</td></tr>').join('') ||
      '<tr class="empty-row"><td>' + esc(t('noData')) + '</td></tr>';
  }

  async function loadAudit() {
    const list = await DC.api('GET', base + '/audit?limit=30');
    document.querySelector('#audit tbody').innerHTML = list.map(a => '<tr><td class="muted">' + esc(DC.time(a.at)) + '</td><td><b>' + esc(a.actor) + '</b></td><td>' + esc(a.action) + '<br><span class="muted">' + esc(a.outcome) + '</span></td></tr>').join('') ||
      '<tr class="empty-row"><td>' + esc(t('noData')) + '</td></tr>';
  }

  function loadSnapshot() {
    const slot = document.getElementById('snapshot');
    const img = new Image();
    img.alt = 'snapshot';
    img.id = 'snapshot-img';
    img.onload = () => { slot.innerHTML = ''; slot.appendChild(img); };
    img.onerror = () => { slot.innerHTML = '<div class="placeholder">' + esc(t('noSnapshot')) + '</div>'; };
    img.src = base + '/snapshot?at=' + Date.now();
  }

  let logText = '';
  async function loadLogs() {
    const pre = document.getElementById('logs'), meta = document.getElementById('logs-meta');
    const download = document.getElementById('logs-download');
    try {
      const l = await DC.api('GET', base + '/logs');
      logText = l.text;
      pre.textContent = l.text;
      pre.hidden = false;
      download.hidden = false;
      pre.scrollTop = pre.scrollHeight;
      meta.textContent = t('logsMeta', l.lines, DC.time(l.receivedAt));
    } catch (e) {
      pre.hidden = true;
      download.hidden = true;
      meta.textContent = t('noLogs');
    }
  }
  document.getElementById('logs-download').onclick = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([logText], {type: 'text/plain;charset=utf-8'}));
    a.download = id + '-' + new Date().toISOString().replace(/[:.]/g, '-') + '.log';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  async function send(type) {
    let body = '<p>' + esc(t('confirmCmd', DC.cmdLabel(type), 1)) + '</p>';
    if (type === 'reboot') body = '<p>' + esc(t('confirmReboot')) + '</p>';
    if (type === 'join') {
      body += '<label>' + esc(t('conferenceUrl')) + '<input name="conferenceUrl" value="' + esc(localStorage.getItem('dc.conferenceUrl') || '') + '" placeholder="' + esc(t('hubDefault')) + '"></label>' +
        '<label>' + esc(t('room')) + '<input name="room" placeholder="' + esc(t('hubDefault')) + '" value="' + esc(localStorage.getItem('dc.room') || '') + '"></label>' +
        '<label>' + esc(t('pin')) + '<input name="pin" placeholder="' + esc(t('hubDefault')) + '"></label>' +
        DC.viewField();
    }
    const v = await DC.confirm(DC.cmdLabel(type), body, DC.cmdLabel(type), type === 'reboot');
    if (!v) return;
    let cmd = {type};
    if (type === 'identify') cmd = {type, seconds: 30};
    if (type === 'collect_logs') cmd = {type, lines: 500};
    if (type === 'join') {
      localStorage.setItem('dc.conferenceUrl', v.conferenceUrl);
      localStorage.setItem('dc.room', v.room);
      cmd = DC.joinCommand(v);
    }
    try {
      const batch = await DC.api('POST', '/api/commands', {boxes: [id], command: cmd, idempotencyKey: type + '-' + id + '-' + Date.now()});
      batch.commands.forEach(c => { if (!trail.has(c.id)) trail.set(c.id, [c.state]); });
      DC.toast(t('sent') + ': ' + DC.cmdLabel(type));
      await loadCommands();
    } catch (e) { DC.toast(e.message, true); }
  }

  document.querySelectorAll('[data-cmd]').forEach(b => b.onclick = () => send(b.dataset.cmd));
  const rotate = document.getElementById('rotate');
  if (rotate) {
    rotate.onclick = async () => {
      if (!await DC.confirm(t('cred.title'), '<p>' + esc(t('confirmRotate')) + '</p>', DC.lang === 'en' ? 'Rotate' : 'Cấp lại', true)) return;
      try {
        const cred = await DC.api('POST', base + '/credentials');
        let slot = document.getElementById('cred-slot');
        if (!slot) { slot = DC.el('<div id="cred-slot"></div>'); document.querySelector('.col-main').prepend(slot); }
        await DC.credentialsCard(slot, cred);
        slot.scrollIntoView();
        loadDetail(); loadAudit();
      } catch (e) { DC.toast(e.message, true); }
    };
    document.getElementById('toggle-enabled').onclick = async () => {
      const enable = !detail.box.enabled;
      if (!enable && !await DC.confirm(detail.box.displayName, '<p>' + esc(t('confirmDisable')) + '</p>', DC.lang === 'en' ? 'Disable' : 'Vô hiệu hóa', true)) return;
      try { await DC.api('POST', base + (enable ? '/enable' : '/disable')); await loadDetail(); loadAudit(); } catch (e) { DC.toast(e.message, true); }
    };
  }

  let timer = null;
  const soon = (fn, ms) => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  DC.live({
    presence: e => { if (e.boxId === id) loadDetail(); },
    alert: e => { if (e.boxId === id) loadDetail(); },
    reported: e => { if (e.boxId === id) loadDetail(); },
    box: e => { if (e.boxId === id) { loadDetail(); loadAudit(); } },
    telemetry: e => { if (e.boxId === id) soon(() => { loadDetail(); loadCharts(); }, 1000); },
    command: e => {
      if (e.boxId !== id) return;
      const seen = trail.get(e.commandId) || [];
      if (seen[seen.length - 1] !== e.state) seen.push(e.state);
      trail.set(e.commandId, seen);
      loadCommands();
      if (e.commandType === 'snapshot' && e.state === 'SUCCEEDED') loadSnapshot();
      if (e.commandType === 'collect_logs' && e.state === 'SUCCEEDED') loadLogs();
      if (['SUCCEEDED', 'FAILED', 'REJECTED', 'EXPIRED', 'TIMED_OUT'].includes(e.state)) { loadAudit(); DC.toast(DC.cmdLabel(e.commandType) + ': ' + t('state.' + e.state), e.state !== 'SUCCEEDED'); }
    }
  }, () => { loadDetail(); loadCommands(); }, true);

  loadDetail().then(() => Promise.all([loadCharts(), loadCommands(), loadAudit()])).catch(e => DC.toast(e.message, true));
  loadSnapshot();
  loadLogs();
})();
