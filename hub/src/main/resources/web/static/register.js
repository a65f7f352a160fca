/* Register a box: the form, then the credentials card (shown once, printable, QR from the hub). */
(function () {
  'use strict';
  const form = document.getElementById('register-form');
  const err = document.getElementById('r-error');
  DC.api('GET', '/api/boxes').then(list => {
    const dl = document.getElementById('communes');
    [...new Set(list.map(v => v.box.commune).concat(DC.boot.communes || []))].sort().forEach(c => { const o = document.createElement('option'); o.value = c; dl.appendChild(o); });
    if ((DC.boot.communes || []).length === 1) form.commune.value = DC.boot.communes[0];
  }).catch(() => {});
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    err.hidden = true;
    const body = {id: form.id.value.trim(), displayName: form.displayName.value.trim(), commune: form.commune.value.trim(), room: form.room.value.trim(), hardware: form.hardware.value};
    try {
      const cred = await DC.api('POST', '/api/boxes', body);
      form.reset();
      await DC.credentialsCard(document.getElementById('card-slot'), cred);
      document.getElementById('card-slot').scrollIntoView();
    } catch (e) { err.textContent = e.message; err.hidden = false; }
  });
})();
