/**
 * The first screen: asks who is signed in (the answer was preloaded by
 * index.html while the scripts downloaded), then shows the login form or
 * loads the app. While the form is on screen the app is fetched in the
 * background, so signing in is quick too.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { setCsrf } from './api/client';
import type { Me } from './api/types';
import { useT } from './i18n/index';
import { Login } from './screens/Login';

const loadApp = () => import('./AppRoot');
const AppRoot = lazy(loadApp);

export function Boot() {
  const { t } = useT();
  const [me, setMe] = useState<Me | 'offline' | undefined>();
  useEffect(() => {
    // Plain fetch: the typed client and the query cache come with the app, not with the login form.
    fetch('/api/auth/me', { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : Promise.reject(new Error(String(r.status)))))
      .then(
        (answer) => {
          setCsrf(answer.csrfToken);
          setMe(answer);
        },
        () => setMe('offline'),
      );
  }, []);
  useEffect(() => {
    if (me && me !== 'offline' && !me.user) void loadApp();
  }, [me]);
  const waiting = (
    <main className="kdc-boot" aria-busy="true">
      {t.loading}
    </main>
  );
  if (me === undefined) return waiting;
  if (me === 'offline')
    return (
      <main className="kdc-boot" role="alert">
        <h1>{t.offlineTitle}</h1>
        <p>{t.offlineNoSession}</p>
      </main>
    );
  if (!me.user) return <Login onLogin={setMe} />;
  return (
    <Suspense fallback={waiting}>
      <AppRoot me={me} />
    </Suspense>
  );
}
