/* Fleet view: every box, live over /api/events; filters; totals; group actions. */
(function () {
  'use strict';
  const t = DC.t, esc = DC.esc;
  const views = new Map();          // box id -> {box, presence, openAlerts, telemetry, reported}
  const dropped = new Map();        // box id -> time it went offline while watched
  const selected = new Set();
  const pending = new Map();        // box id -> timer for a debounced re-read
  const groupItems = new Map();     // command id -> list item of the group result
  const commandEvents = new Map();  // command id -> its latest live event (may arrive before the POST answers)
  const canAct = DC.can('COMMAND_MAINTENANCE');
  const filters = {commune: '', state: '', text: ''};
  const rows = document.getElementById('rows');

  const callOf = v => {
    if (!v.presence || v.presence.state !== 'ONLINE') return null;
    if (v.reported && v.reported.call) return {state: v.reported.call, room: v.reported.room, muted: !!v.reported.muted};
    if (v.telemetry && v.telemetry.call) return {state: v.telemetry.call.state, room: v.telemetry.call.room};
    return null;
  };
  const inCall = v => { const c = callOf(v); return !!c && c.state === 'IN_CALL'; };

  function badges(v) {
    const out = [];
    const tel = v.telemetry;
    if (tel && v.presence && v.presence.state === 'ONLINE') {
      const temp = tel.system && tel.system.cpuTemperatureC;
      if (temp !== undefined && temp !== null) out.push('<span class="badge ' + (temp >= 85 ? 'bad' : temp >= 75 ? 'warn' : '') + '" title="' + esc(t('temp')) + '">' + Math.round(temp) + '°C</span>');
      const loss = tel.media && tel.media.packetLossPercent;
      if (loss !== undefined && loss !== null) out.push('<span class="badge ' + (loss >= 5 ? 'bad' : loss >= 2 ? 'warn' : '') + '" title="' + esc(t('loss')) + '">' + loss.toFixed(1) + '%</span>');
      if (tel.peripherals) {
        out.push('<span class="badge ' + (tel.peripherals.camera ? 'ok' : 'bad') + '">' + esc(t('camera')) + (tel.peripherals.camera ? '' : ' ✕') + '</span>');
        out.push('<span class="badge ' + (tel.peripherals.microphone ? 'ok' : 'bad') + '">' + esc(t('mic')) + (tel.peripherals.microphone ? '' : ' ✕') + '</span>');
      }
    }
    (v.openAlerts || []).forEach(a => out.push('<span class="badge ' + (DC.severity(a.kind) === 'critical' ? 'bad' : 'warn') + '" data-alert="' + esc(a.kind) + '">⚠ ' + esc(t('kind.' + a.kind)) + '</span>'));
    return out.join('');
  }

  function presenceCell(v) {
    const p = v.presence ? v.presence.state : 'UNKNOWN';
    const d = dropped.get(v.box.id) || (p === 'OFFLINE' && v.presence.lastSeen ? Date.parse(v.presence.since) : 0);
    if (p === 'OFFLINE' && d && Date.now() - d < 5 * 60 * 1000) return '<span class="pill dropped">' + esc(t('justDropped')) + '</span>';
    return '<span class="pill ' + p + '">' + esc(DC.presenceLabel(p)) + '</span>';
  }

  function rowHtml(v) {
    const b = v.box, c = callOf(v);
    const call = c ? '<span class="pill ' + esc(c.state) + '">' + esc(DC.callLabel(c.state)) + '</span>' + (c.room ? ' <span class="muted">' + esc(c.room) + '</span>' : '') +
      (c.muted ? ' <span class="badge warn mic-muted">' + esc(t('micMuted')) + '</span>' : '') : '<span class="muted">—</span>';
    const seen = v.presence && (v.presence.lastSeen || (v.presence.state !== 'UNKNOWN' ? v.presence.since : null));
    return (canAct ? '<td class="sel"><input type="checkbox" class="sel-box" aria-label="' + esc(b.id) + '"' + (selected.has(b.id) ? ' checked' : '') + '></td>' : '') +
      '<td class="presence-cell">' + presenceCell(v) + '</td>' +
      '<td><a class="name" href="/ui/boxes/' + encodeURIComponent(b.id) + '">' + esc(b.displayName) + '</a><span class="id">' + esc(b.id) + (b.room ? ' · ' + esc(b.room) : '') + (b.enabled ? '' : ' · ' + esc(t('disabled'))) + '</span></td>' +
      '<td>' + esc(b.commune) + '</td><td class="call-cell">' + call + '</td><td class="health-cell">' + badges(v) + '</td>' +
      '<td class="seen-cell muted" data-seen="' + esc(seen || '') + '">' + esc(seen ? DC.ago(seen) : t('never')) + '</td>';
  }

  function matches(v) {
    if (filters.commune && v.box.commune !== filters.commune) return false;
    const p = v.presence ? v.presence.state : 'UNKNOWN';
    if (filters.state === 'online' && p !== 'ONLINE') return false;
    if (filters.state === 'offline' && p === 'ONLINE') return false;
    if (filters.state === 'incall' && !inCall(v)) return false;
    if (filters.state === 'alerts' && !(v.openAlerts || []).length) return false;
    if (filters.text) {
      const hay = (v.box.id + ' ' + v.box.displayName + ' ' + v.box.commune + ' ' + v.box.room).toLowerCase();
      if (!hay.includes(filters.text)) return false;
    }
    return true;
  }

  const sorted = () => [...views.values()].sort((a, b) => a.box.commune.localeCompare(b.box.commune, 'vi') || a.box.displayName.localeCompare(b.box.displayName, 'vi'));

  function renderAll() {
    rows.innerHTML = '';
    let n = 0;
    for (const v of sorted()) {
      if (!matches(v)) continue;
      const tr = document.createElement('tr');
      tr.dataset.box = v.box.id;
      tr.innerHTML = rowHtml(v);
      tr.classList.toggle('selected', selected.has(v.box.id));
      rows.appendChild(tr);
      n++;
    }
    if (n === 0) rows.innerHTML = '<tr class="empty-row"><td colspan="7">' + esc(t('empty')) + '</td></tr>';
    document.getElementById('row-count').textContent = t('rows', n);
    totals();
    selection();
  }

  function renderRow(id, flash) {
    const v = views.get(id);
    const tr = rows.querySelector('tr[data-box="' + CSS.escape(id) + '"]');
    if (!v || !matches(v) || !tr) { renderAll(); return; }
    tr.innerHTML = rowHtml(v);
    if (flash) { tr.classList.remove('flash'); void tr.offsetWidth; tr.classList.add('flash'); }
    totals();
  }

  function totals() {
    const all = [...views.values()];
    const online = all.filter(v => v.presence && v.presence.state === 'ONLINE').length;
    const calls = all.filter(inCall).length;
    const alerts = all.reduce((s, v) => s + (v.openAlerts || []).length, 0);
    document.getElementById('t-online').textContent = online + '/' + all.length;
    document.getElementById('t-incall').textContent = calls;
    document.getElementById('t-offline').textContent = all.length - online;
    document.getElementById('t-alerts').textContent = alerts;
    document.getElementById('summary').textContent = t('summary', online, all.length, calls, alerts);
    const nav = document.getElementById('nav-alerts');
    if (nav) { nav.textContent = alerts; nav.hidden = alerts === 0; }
  }

  function communes() {
    const sel = document.getElementById('f-commune');
    const have = new Set([...sel.options].map(o => o.value));
    [...new Set([...views.values()].map(v => v.box.commune))].sort((a, b) => a.localeCompare(b, 'vi')).forEach(c => {
      if (!have.has(c)) { const o = document.createElement('option'); o.value = c; o.textContent = c; sel.appendChild(o); }
    });
  }

  function selection() {
    if (!canAct) return;
    for (const id of [...selected]) if (!views.has(id)) selected.delete(id);
    document.getElementById('sel-count').textContent = selected.size + ' ' + (DC.lang === 'en' ? 'selected' : 'đã chọn');
    document.querySelectorAll('[data-group]').forEach(b => { b.disabled = selected.size === 0; });
    const visible = [...rows.querySelectorAll('tr[data-box]')].map(r => r.dataset.box);
    const all = document.getElementById('sel-all');
    all.checked = visible.length > 0 && visible.every(id => selected.has(id));
  }

  async function loadAll() {
    const list = await DC.api('GET', '/api/boxes');
    views.clear();
    list.forEach(v => views.set(v.box.id, v));
    communes();
    renderAll();
  }

  async function reload(id, flash) {
    try {
      const d = await DC.api('GET', '/api/boxes/' + encodeURIComponent(id));
      views.set(id, {box: d.box, presence: d.presence, openAlerts: d.openAlerts, telemetry: d.telemetry ? d.telemetry.telemetry : null,
        telemetryAt: d.telemetry ? d.telemetry.receivedAt : null, reported: d.state ? d.state.reported : null});
      communes();
      renderRow(id, flash);
    } catch (e) {
      if (e.status === 404) { views.delete(id); renderAll(); }
    }
  }

  function later(id, ms, flash) {
    if (pending.has(id)) return;
    pending.set(id, setTimeout(() => { pending.delete(id); reload(id, flash); }, ms));
  }

  // Filters.
  document.getElementById('f-commune').onchange = e => { filters.commune = e.target.value; renderAll(); };
  document.getElementById('f-text').oninput = e => { filters.text = e.target.value.trim().toLowerCase(); renderAll(); };
  document.querySelectorAll('#f-state .chip').forEach(b => b.onclick = () => {
    document.querySelectorAll('#f-state .chip').forEach(x => x.classList.toggle('on', x === b));
    filters.state = b.dataset.state;
    renderAll();
  });

  // Selection and group actions.
  if (canAct) {
    rows.addEventListener('change', e => {
      if (!e.target.classList.contains('sel-box')) return;
      const id = e.target.closest('tr').dataset.box;
      if (e.target.checked) selected.add(id); else selected.delete(id);
      e.target.closest('tr').classList.toggle('selected', e.target.checked);
      selection();
    });
    document.getElementById('sel-all').onchange = e => {
      rows.querySelectorAll('tr[data-box]').forEach(r => {
        if (e.target.checked) selected.add(r.dataset.box); else selected.delete(r.dataset.box);
        r.classList.toggle('selected', e.target.checked);
        const cb = r.querySelector('.sel-box'); if (cb) cb.checked = e.target.checked;
      });
      selection();
    };
    document.querySelectorAll('[data-group]').forEach(b => b.onclick = () => group(b.dataset.group));
    document.getElementById('group-close').onclick = () => { document.getElementById('group-result').hidden = true; };
  }

  async function group(type) {
    const ids = [...selected];
    if (!ids.length) return;
    let body = '<p>' + esc(t('confirmCmd', DC.cmdLabel(type), ids.length)) + '</p>';
    if (type === 'join') {
      body += '<label>' + esc(t('conferenceUrl')) + '<input name="conferenceUrl" value="' + esc(localStorage.getItem('dc.conferenceUrl') || '') + '" placeholder="' + esc(t('hubDefault')) + '"></label>' +
        '<label>' + esc(t('room')) + '<input name="room" placeholder="' + esc(t('hubDefault')) + '" value="' + esc(localStorage.getItem('dc.room') || '') + '"></label>' +
        '<label>' + esc(t('pin')) + '<input name="pin" placeholder="' + esc(t('hubDefault')) + '"></label>' +
        DC.viewField();
    }
    const values = await DC.confirm(DC.cmdLabel(type), body, DC.cmdLabel(type), false);
    if (!values) return;
    const panel = document.getElementById('group-result');
    const list = document.getElementById('group-list');
    list.innerHTML = '';
    groupItems.clear();
    panel.hidden = false;
    const item = id => {
      const li = DC.el('<li data-box="' + esc(id) + '"><span>' + esc((views.get(id) || {box: {displayName: id}}).box.displayName) + '</span><span class="pill SENT">' + esc(t('result.pending')) + '</span></li>');
      list.appendChild(li);
      return li;
    };
    const track = (li, cmd) => {
      groupItems.set(cmd.id, li);
      // A fast box's replies can overtake the POST's answer (the hub answers 202 once the rows are stored).
      const seen = commandEvents.get(cmd.id) || cmd;
      setState(li, seen.state, seen.reason);
    };
    try {
      const lis = new Map(ids.map(id => [id, item(id)]));
      let cmd = type === 'identify' ? {type, seconds: 30} : {type};
      if (type === 'join') {
        localStorage.setItem('dc.conferenceUrl', values.conferenceUrl);
        localStorage.setItem('dc.room', values.room);
        cmd = DC.joinCommand(values);
      }
      const batch = await DC.api('POST', '/api/commands', {boxes: ids, command: cmd, idempotencyKey: type + '-' + Date.now()});
      batch.commands.forEach(c => track(lis.get(c.boxId), c));
      DC.toast(t('sent'));
    } catch (e) { DC.toast(e.message, true); }
  }

  function setState(li, state, reason) {
    const pill = li.querySelector('.pill');
    pill.className = 'pill ' + state;
    pill.textContent = t('state.' + state) + (reason ? ' — ' + reason : '');
    li.dataset.state = state;
  }

  // Live.
  DC.live({
    presence: e => {
      const v = views.get(e.boxId);
      if (!v) { later(e.boxId, 100, true); return; }
      const was = v.presence ? v.presence.state : 'UNKNOWN';
      v.presence = Object.assign({}, v.presence, {state: e.presence, since: e.at});
      if (e.presence === 'OFFLINE' && was === 'ONLINE') dropped.set(e.boxId, Date.now());
      if (e.presence === 'ONLINE') dropped.delete(e.boxId);
      renderRow(e.boxId, true);
      later(e.boxId, 400, false);
    },
    alert: e => later(e.boxId, 200, true),
    reported: e => later(e.boxId, 200, true),
    telemetry: e => later(e.boxId, 3000, false),
    box: e => { if (e.change === 'deleted') { views.delete(e.boxId); renderAll(); } else later(e.boxId, 100, true); },
    command: e => {
      commandEvents.set(e.commandId, e);
      if (commandEvents.size > 2000) commandEvents.delete(commandEvents.keys().next().value);
      const li = groupItems.get(e.commandId);
      if (li) setState(li, e.state, e.reason);
    }
  }, loadAll);

  // Health badges follow telemetry by a quiet re-read (telemetry is not streamed to this page:
  // a hundred boxes would mean ten events a second).
  setInterval(async () => {
    try {
      const list = await DC.api('GET', '/api/boxes');
      const before = new Set(views.keys());
      const changed = [];
      list.forEach(v => {
        const old = views.get(v.box.id);
        if (!old || JSON.stringify(old) !== JSON.stringify(v)) changed.push(v.box.id);
        views.set(v.box.id, v);
        before.delete(v.box.id);
      });
      before.forEach(id => views.delete(id));
      communes();
      if (before.size || changed.some(id => !rows.querySelector('tr[data-box="' + CSS.escape(id) + '"]'))) renderAll();
      else changed.forEach(id => renderRow(id, false));
    } catch (e) { /* the next round will do */ }
  }, 15000);

  // Ages stay current.
  setInterval(() => rows.querySelectorAll('.seen-cell').forEach(c => { if (c.dataset.seen) c.textContent = DC.ago(c.dataset.seen); }), 10000);

  loadAll().catch(e => DC.toast(e.message, true));
})();
