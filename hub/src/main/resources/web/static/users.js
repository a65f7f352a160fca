/* Users (ADMIN): list, create, change role/communes/enabled, reset password, delete. */
(function () {
  'use strict';
  const t = DC.t, esc = DC.esc;
  const roles = ['ADMIN', 'OPERATOR', 'TECHNICIAN', 'VIEWER'];
  const roleName = r => (document.querySelector('#u-role option[value="' + r + '"]') || {textContent: r}).textContent;

  async function load() {
    const list = await DC.api('GET', '/api/users');
    document.querySelector('#users tbody').innerHTML = list.map(u => '<tr data-user="' + esc(u.username) + '"><td><b>' + esc(u.username) + '</b></td>' +
      '<td><select class="role">' + roles.map(r => '<option value="' + r + '"' + (r === u.role ? ' selected' : '') + '>' + esc(roleName(r)) + '</option>').join('') + '</select></td>' +
      '<td><input class="communes" value="' + esc((u.communes || []).join(', ')) + '" placeholder="' + esc(DC.lang === 'en' ? 'whole province' : 'toàn tỉnh') + '"></td>' +
      '<td><input type="checkbox" class="enabled"' + (u.enabled ? ' checked' : '') + '></td><td class="muted">' + esc(DC.time(u.createdAt)) + '</td>' +
      '<td><div class="actions"><button type="button" class="small save">' + esc(t('save')) + '</button><button type="button" class="small pw">' + esc(t('resetPassword')) + '</button>' +
      (u.username === DC.boot.user ? '' : '<button type="button" class="small danger del">' + esc(t('delete')) + '</button>') + '</div></td></tr>').join('');
  }

  const communes = s => s.split(',').map(x => x.trim()).filter(Boolean);

  document.getElementById('users').addEventListener('click', async e => {
    const tr = e.target.closest('tr[data-user]');
    if (!tr) return;
    const name = tr.dataset.user;
    try {
      if (e.target.classList.contains('save')) {
        await DC.api('PUT', '/api/users/' + encodeURIComponent(name), {role: tr.querySelector('.role').value, communes: communes(tr.querySelector('.communes').value), enabled: tr.querySelector('.enabled').checked});
        DC.toast(t('saved'));
      } else if (e.target.classList.contains('pw')) {
        const v = await DC.confirm(t('resetPassword') + ': ' + name, '<label>' + esc(t('newPassword')) + '<input name="password" type="password" minlength="10" required autocomplete="new-password"></label>', t('save'));
        if (!v) return;
        await DC.api('PUT', '/api/users/' + encodeURIComponent(name) + '/password', {password: v.password});
        DC.toast(t('saved'));
      } else if (e.target.classList.contains('del')) {
        if (!await DC.confirm(t('delete'), '<p>' + esc(t('confirmDeleteUser', name)) + '</p>', t('delete'), true)) return;
        await DC.api('DELETE', '/api/users/' + encodeURIComponent(name));
        await load();
      }
    } catch (err) { DC.toast(err.message, true); }
  });

  const form = document.getElementById('user-form');
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const err = document.getElementById('u-error');
    err.hidden = true;
    try {
      await DC.api('POST', '/api/users', {username: form.username.value.trim(), password: form.password.value, role: form.role.value, communes: communes(form.communes.value)});
      form.reset();
      DC.toast(t('created'));
      await load();
    } catch (e) { err.textContent = e.message; err.hidden = false; }
  });
  load().catch(e => DC.toast(e.message, true));
})();
