/* "Phiên tiếp dân": the session schedule (upcoming, live, recent), live over /api/events; schedule, start, end, cancel. */
(function () {
  'use strict';
  const t = DC.t, esc = DC.esc;
  const canAct = DC.can('COMMAND_SESSION');
  const rows = document.getElementById('session-rows');
  const locale = DC.lang === 'en' ? 'en-GB' : 'vi-VN';
  const order = {LIVE: 0, SCHEDULED: 1};
  let sessions = [];

  const when = iso => new Date(iso).toLocaleString(locale, {weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false});
  const clock = iso => new Date(iso).toLocaleTimeString(locale, {hour: '2-digit', minute: '2-digit', hour12: false});
  const short = iso => new Date(iso).toLocaleString(locale, {day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false});
  function duration(min) {
    const h = Math.floor(min / 60), m = min % 60;
    return [h ? h + ' ' + t('hour') : '', m ? m + ' ' + t('min') : ''].filter(Boolean).join(' ');
  }
  const scope = s => s.commune ? esc(s.commune) : '<span class="muted">' + esc(t('allRooms')) + '</span>';

  function stateCell(s) {
    let extra = '';
    if (s.state === 'LIVE') extra = '<span class="small muted">' + esc(t('roomsInCall', s.roomsInCall || 0, s.boxes.length)) + '</span>';
    else if (s.endedAt) extra = '<span class="small muted">' + esc(short(s.endedAt)) + (s.endedBy ? ' · ' + esc(s.endedBy) : '') + '</span>';
    return '<div class="state-stack"><span class="pill ' + esc(s.state) + '">' + esc(t('sstate.' + s.state)) + '</span>' + extra + '</div>';
  }

  function actions(s) {
    if (s.state === 'SCHEDULED') return '<div class="actions"><button type="button" class="small primary" data-act="start">' + esc(t('startNow')) + '</button><button type="button" class="small" data-act="edit">' + esc(t('editSession')) + '</button><button type="button" class="small danger" data-act="cancel">' + esc(t('cancelSession')) + '</button></div>';
    if (s.state === 'LIVE') return '<div class="actions"><button type="button" class="small danger" data-act="end">' + esc(t('endSession')) + '</button></div>';
    return '';
  }

  function render() {
    const list = sessions.slice().sort((a, b) => {
      const oa = order[a.state] ?? 2, ob = order[b.state] ?? 2;
      if (oa !== ob) return oa - ob;
      return oa === 2 ? Date.parse(b.startsAt) - Date.parse(a.startsAt) : Date.parse(a.startsAt) - Date.parse(b.startsAt);
    });
    if (!list.length) {
      rows.innerHTML = '<tr class="empty-row"><td colspan="7">' + esc(t('noSessions')) + '</td></tr>';
      return;
    }
    rows.innerHTML = list.map(s => '<tr data-session="' + esc(s.id) + '" data-state="' + esc(s.state) + '" class="s-' + esc(s.state) + '">' +
      '<td><span class="name">' + esc(s.title) + '</span><span class="id">' + esc(t('by')) + ' ' + esc(s.createdBy) + '</span></td>' +
      '<td class="when">' + esc(when(s.startsAt)) + '<span class="id">' + esc(t('until')) + ' ' + esc(clock(s.endsAt)) + '</span></td>' +
      '<td>' + esc(duration(s.durationMinutes)) + '</td>' +
      '<td class="scope">' + scope(s) + '</td>' +
      '<td>' + esc(t('view.' + s.view)) + '</td>' +
      '<td class="state-cell">' + stateCell(s) + '</td>' +
      (canAct ? '<td>' + actions(s) + '</td>' : '') + '</tr>').join('');
  }

  let shown = '';
  /** Re-reads the schedule; the table is redrawn only when something changed (no flicker, no lost clicks). */
  async function load() {
    sessions = await DC.api('GET', '/api/sessions');
    const now = JSON.stringify(sessions);
    if (now !== shown) { shown = now; render(); }
  }
  let pending = null;
  const soon = () => { clearTimeout(pending); pending = setTimeout(() => load().catch(e => DC.toast(e.message, true)), 400); };

  rows.addEventListener('click', async e => {
    const b = e.target.closest('button[data-act]');
    if (!b) return;
    const s = sessions.find(x => x.id === b.closest('tr').dataset.session);
    if (!s) return;
    const act = b.dataset.act;
    if (act === 'edit') { edit(s); return; }
    const rooms = s.commune ? s.commune : t('allRooms');
    const text = {start: t('confirmStart', s.title, rooms), end: t('confirmEnd', s.title), cancel: t('confirmCancelSession', s.title, when(s.startsAt))}[act];
    const label = {start: t('startNow'), end: t('endSession'), cancel: t('cancelSession')}[act];
    if (!await DC.confirm(label, '<p>' + esc(text) + '</p>', label, act !== 'start')) return;
    try {
      await DC.api('POST', '/api/sessions/' + encodeURIComponent(s.id) + '/' + act);
      DC.toast(t('sessionDone.' + act));
      await load();
    } catch (err) { DC.toast(err.message, true); }
  });

  const form = document.getElementById('session-form');
  let edit = () => {};
  if (form) {
    const submit = document.getElementById('s-submit'), stop = document.getElementById('s-stop-edit');
    const heading = document.getElementById('form-title');
    const labels = {submit: submit.textContent, heading: heading.textContent};
    let editing = null;
    const durations = form.duration;
    const stopEditing = () => {
      editing = null;
      submit.textContent = labels.submit;
      heading.textContent = labels.heading;
      stop.hidden = true;
      form.title.value = '';
    };
    stop.onclick = () => { clearErrors(); stopEditing(); };
    edit = s => {
      clearErrors();
      editing = s.id;
      const d = new Date(s.startsAt);
      const pad2 = n => String(n).padStart(2, '0');
      form.title.value = s.title;
      form.date.value = d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
      form.time.value = pad2(d.getHours()) + ':' + pad2(d.getMinutes());
      if (![...durations.options].some(o => Number(o.value) === s.durationMinutes)) {
        const o = document.createElement('option'); o.value = s.durationMinutes; o.textContent = duration(s.durationMinutes); durations.appendChild(o);
      }
      durations.value = String(s.durationMinutes);
      form.commune.value = s.commune || '';
      form.view.value = s.view;
      submit.textContent = t('saveSession');
      heading.textContent = t('editSession') + ': ' + s.title;
      stop.hidden = false;
      document.getElementById('schedule-card').scrollIntoView({block: 'center'});
      form.title.focus();
    };
    const pad = n => String(n).padStart(2, '0');
    // The first full hour at least half an hour away (never a start the ticker would take at once).
    const next = new Date(Date.now() + 30 * 60 * 1000);
    if (next.getMinutes() || next.getSeconds() || next.getMilliseconds()) next.setHours(next.getHours() + 1, 0, 0, 0);
    form.date.value = next.getFullYear() + '-' + pad(next.getMonth() + 1) + '-' + pad(next.getDate());
    form.time.value = pad(next.getHours()) + ':00';
    form.view.value = DC.boot.defaultView || 'CENTRE';
    DC.api('GET', '/api/fleet').then(f => {
      Object.keys(f.communes || {}).sort((a, b) => a.localeCompare(b, 'vi')).forEach(c => {
        const o = document.createElement('option'); o.value = c; o.textContent = c; form.commune.appendChild(o);
      });
    }).catch(() => {});

    const clearErrors = () => {
      form.querySelectorAll('.field-error').forEach(x => { x.hidden = true; x.textContent = ''; });
      form.querySelectorAll('.invalid').forEach(x => x.classList.remove('invalid'));
      document.getElementById('s-error').hidden = true;
    };
    const showError = e => {
      const slot = e.field && form.querySelector('.field-error[data-field="' + e.field + '"]');
      const hint = e.status === 409 ? t('sf.overlap') : (e.field ? t('sf.' + e.field) : '');
      if (slot) {
        slot.innerHTML = esc(hint) + '<small>' + esc(e.message) + '</small>';
        slot.hidden = false;
        const input = slot.parentElement.querySelector('input, select');
        if (input) { input.classList.add('invalid'); input.focus(); }
      } else {
        const box = document.getElementById('s-error');
        box.textContent = (hint ? hint + ' ' : '') + e.message;
        box.hidden = false;
      }
    };
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      clearErrors();
      let startsAt = null;
      if (form.date.value && form.time.value) {
        const d = new Date(form.date.value + 'T' + form.time.value);
        if (!isNaN(d)) startsAt = d.toISOString();
      }
      const body = {title: form.title.value, startsAt, durationMinutes: Number(form.duration.value), commune: form.commune.value || null, view: form.view.value};
      try {
        const s = editing ? await DC.api('PUT', '/api/sessions/' + encodeURIComponent(editing), body) : await DC.api('POST', '/api/sessions', body);
        DC.toast(t(editing ? 'changed' : 'scheduled', s.title));
        stopEditing();
        await load();
      } catch (e) {
        if (!e.field && e.status === 400 && !startsAt) e.field = 'startsAt';
        showError(e);
      }
    });
  }

  DC.live({session: soon, reported: () => { if (sessions.some(s => s.state === 'LIVE')) soon(); }}, soon);
  load().catch(e => DC.toast(e.message, true));
  setInterval(render, 60000);
})();
