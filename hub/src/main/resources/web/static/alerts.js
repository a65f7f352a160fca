/* Alerts: open ones by severity then age, acknowledge, seven days of history. Live. */
(function () {
  'use strict';
  const t = DC.t, esc = DC.esc;
  const canAck = DC.can('COMMAND_MAINTENANCE');
  let names = new Map();

  const sev = a => '<span class="pill ' + DC.severity(a.kind) + '">' + esc(t('sev.' + DC.severity(a.kind))) + '</span>';
  const boxLink = a => '<a href="/ui/boxes/' + encodeURIComponent(a.boxId) + '">' + esc(names.get(a.boxId) || a.boxId) + '</a>';
  const ack = a => a.acknowledgedBy ? '<span class="muted">' + esc(t('ackBy', a.acknowledgedBy)) + '</span>'
    : (canAck && a.open ? '<button type="button" class="small" data-ack="' + esc(a.id) + '">' + esc(t('ack')) + '</button>' : '<span class="muted">—</span>');

  async function load() {
    const [open, history, boxes] = await Promise.all([DC.api('GET', '/api/alerts'), DC.api('GET', '/api/alerts?open=false&limit=300'), DC.api('GET', '/api/boxes')]);
    names = new Map(boxes.map(b => [b.box.id, b.box.displayName]));
    open.sort((a, b) => (DC.severity(a.kind) === DC.severity(b.kind) ? 0 : DC.severity(a.kind) === 'critical' ? -1 : 1) || Date.parse(a.openedAt) - Date.parse(b.openedAt));
    document.querySelector('#open-alerts tbody').innerHTML = open.map(a => '<tr data-alert="' + esc(a.id) + '"><td>' + sev(a) + '</td><td>' + boxLink(a) + '</td><td>' + esc(t('kind.' + a.kind)) + '</td><td>' + esc(a.detail) + '</td><td title="' + esc(DC.time(a.openedAt)) + '">' + esc(DC.ago(a.openedAt)) + '</td><td>' + ack(a) + '</td></tr>').join('');
    document.getElementById('open-count').textContent = open.length;
    const none = document.getElementById('no-alerts');
    none.textContent = t('noAlerts');
    none.hidden = open.length > 0;
    document.getElementById('open-alerts').hidden = open.length === 0;
    document.querySelector('#alert-history tbody').innerHTML = history.map(a => '<tr><td>' + sev(a) + '</td><td>' + boxLink(a) + '</td><td>' + esc(t('kind.' + a.kind)) + '</td><td>' + esc(a.detail) + '</td><td>' + esc(DC.time(a.openedAt)) + '</td><td>' + (a.closedAt ? esc(DC.time(a.closedAt)) : '<span class="pill ' + DC.severity(a.kind) + '">' + esc(t('open')) + '</span>') + '</td><td>' + (a.acknowledgedBy ? esc(a.acknowledgedBy) : '—') + '</td></tr>').join('') ||
      '<tr class="empty-row"><td colspan="7">' + esc(t('noData')) + '</td></tr>';
    const nav = document.getElementById('nav-alerts');
    if (nav) { nav.textContent = open.length; nav.hidden = open.length === 0; }
  }

  document.getElementById('open-alerts').addEventListener('click', async e => {
    const b = e.target.closest('[data-ack]');
    if (!b) return;
    b.disabled = true;
    try { await DC.api('POST', '/api/alerts/' + encodeURIComponent(b.dataset.ack) + '/ack'); await load(); } catch (err) { DC.toast(err.message, true); b.disabled = false; }
  });

  let timer = null;
  DC.live({alert: () => { clearTimeout(timer); timer = setTimeout(load, 300); }}, load);
  setInterval(load, 30000);
  load().catch(e => DC.toast(e.message, true));
})();
