/**
 * The login form: the first thing a phone on a slow link must show, so it is
 * part of the first download and is plain HTML with its own few styles
 * (login.css) — no component library, router or query cache, which load
 * with the app while the password is typed.
 */
import { useState, type FormEvent } from 'react';
import { api, call, setCsrf } from '../api/client';
import type { Me } from '../api/types';
import { useT } from '../i18n/index';

export function Login({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const res = await call(api.POST('/api/auth/login', { body: { username, password } }));
      setCsrf(res.csrfToken);
      onLogin(res);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="kdc-login">
      <h1>{t.appName}</h1>
      <form onSubmit={submit} aria-label={t.login}>
        <label htmlFor="kdc-username">{t.username}</label>
        <input id="kdc-username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" autoCapitalize="none" required />
        <label htmlFor="kdc-password">{t.password}</label>
        <input
          id="kdc-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          required
        />
        {error && (
          <p role="alert" className="kdc-login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t.loggingIn : t.login}
        </button>
      </form>
    </main>
  );
}
