(function () {
  'use strict';
  const form = document.getElementById('login-form');
  const err = document.getElementById('login-error');
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    err.hidden = true;
    const body = {username: form.username.value.trim(), password: form.password.value};
    try {
      const res = await fetch('/api/login', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      if (res.ok) { location.href = '/ui/fleet'; return; }
      const data = await res.json().catch(() => ({}));
      err.textContent = res.status === 401 ? (document.documentElement.lang === 'en' ? 'Wrong username or password.' : 'Sai tên đăng nhập hoặc mật khẩu.') : (data.error || res.status);
    } catch (e) {
      err.textContent = document.documentElement.lang === 'en' ? 'The hub cannot be reached.' : 'Không kết nối được tới máy chủ.';
    }
    err.hidden = false;
  });
})();
