// diemcau local admin page: small progressive enhancements. Every page works without this file
// except the live views (button state, microphone meter, status refresh) and the virtual button.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name=csrf]') || {}).content || '';

  function post(url, fields) {
    var body = new URLSearchParams(fields || {});
    body.set('_csrf', csrf);
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf } });
  }

  function live(url, onData) {
    if (!window.EventSource) return;
    var es = new EventSource(url);
    es.onmessage = function (e) { onData(e.data); };
    es.onerror = function () { if (es.readyState === 2) setTimeout(function () { live(url, onData); }, 3000); };
  }

  // After a round trip: bring the answer into view (a test result, or the first field to fix).
  var result = document.getElementById('probe-result') || document.getElementById('selftest-result');
  var invalid = document.querySelector('[aria-invalid=true]');
  if (invalid) { invalid.focus(); invalid.scrollIntoView({ block: 'center' }); }
  else if (result) result.scrollIntoView({ block: 'center' });

  // Confirmation for maintenance actions.
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.dataset.confirm)) e.preventDefault(); });
  });

  // Status page: cards refreshed from the server.
  var status = document.getElementById('status-live');
  if (status) live(status.dataset.src, function (html) { status.innerHTML = html; });

  // Camera snapshot.
  var img = document.getElementById('snapshot');
  if (img) {
    var missing = document.getElementById('snapshot-missing');
    var liveBox = document.getElementById('snapshot-live');
    var refresh = function () { img.src = '/media/snapshot.jpg?t=' + Date.now(); };
    img.addEventListener('error', function () { img.hidden = true; missing.hidden = false; });
    img.addEventListener('load', function () {
      img.hidden = false; missing.hidden = true;
      if (liveBox.checked) setTimeout(refresh, 1000);
    });
    if (img.complete && img.naturalWidth === 0) { img.hidden = true; missing.hidden = false; }
    document.getElementById('snapshot-refresh').addEventListener('click', refresh);
    liveBox.addEventListener('change', function () { if (liveBox.checked) refresh(); });
  }

  // Microphone meter.
  var meter = document.getElementById('mic-meter');
  if (meter) {
    var reading = document.getElementById('mic-db');
    live('/events/mic', function (data) {
      var v = JSON.parse(data).db;
      if (v === null || v === undefined) { meter.value = -60; reading.textContent = reading.dataset.none; return; }
      meter.value = Math.max(-60, v);
      reading.textContent = v.toFixed(1) + ' dBFS';
    });
    var toneForm = document.getElementById('tone-form');
    toneForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var b = document.getElementById('tone'); b.disabled = true;
      post('/media/tone').finally(function () { b.disabled = false; });
    });
  }

  // Buttons and LEDs.
  var state = document.getElementById('button-state');
  if (state) {
    var ledCurrent = document.getElementById('led-current');
    live('/events/panel', function (data) {
      var d = JSON.parse(data);
      state.dataset.state = d.down ? 'down' : 'up';
      state.textContent = d.down ? state.dataset.down : state.dataset.up;
      ledCurrent.textContent = d.led;
    });
    var vb = document.getElementById('virtual-button');
    if (vb) {
      var press = function (down) { vb.classList.toggle('held', down); post('/panel/button', { down: String(down) }); };
      var held = false;
      vb.addEventListener('pointerdown', function (e) { e.preventDefault(); held = true; vb.setPointerCapture(e.pointerId); press(true); });
      ['pointerup', 'pointercancel'].forEach(function (t) {
        vb.addEventListener(t, function () { if (held) { held = false; press(false); } });
      });
      vb.addEventListener('keydown', function (e) { if ((e.key === ' ' || e.key === 'Enter') && !held && !e.repeat) { held = true; press(true); } });
      vb.addEventListener('keyup', function (e) { if ((e.key === ' ' || e.key === 'Enter') && held) { held = false; press(false); } });
    }
    var cycle = document.getElementById('led-cycle');
    var timer = null, label = cycle.textContent;
    cycle.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; cycle.textContent = label; return; }
      var patterns = cycle.dataset.patterns.split(','), i = 0;
      var step = function () { post('/panel/led', { pattern: patterns[i] }); i = (i + 1) % patterns.length; };
      step(); timer = setInterval(step, 3000); cycle.textContent = cycle.dataset.stop;
    });
  }

  // After restart or reboot: reload when the box answers again.
  var wait = document.getElementById('reconnect');
  if (wait) {
    var tries = 0;
    var ping = function () {
      fetch('/static/admin.css', { cache: 'no-store' }).then(function (r) {
        if (r.ok && tries > 2) window.location = '/'; else setTimeout(ping, 2000);
      }).catch(function () { setTimeout(ping, 2000); });
      tries++;
    };
    setTimeout(ping, 4000);
  }
})();
