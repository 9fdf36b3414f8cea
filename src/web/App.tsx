/** The shell: who is signed in, the language, the navigation, and the screen for the current route. */
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, setCsrf, type User } from './api';
import { dictionaries, I18nContext, type Lang } from './i18n/index';
import { go, useRoute } from './route';
import { Login } from './screens/Login';
import { setLabelLanguage } from './labels';
import { Home } from './screens/Home';
import { Units } from './screens/Units';
import { Area } from './screens/Area';
import { Registration } from './screens/Registration';
import { Review } from './screens/Review';
import { Decisions } from './screens/Decisions';
import { Settings } from './screens/Settings';
import { RecordsScreen } from './screens/Records';

// ECharts is large: the dashboard loads only when opened. Importing and
// reorganising are an officer's occasional work: they load only when opened too.
const Dashboard = lazy(() => import('./screens/Dashboard'));
const ImportScreen = lazy(() => import('./screens/Import'));
const Reorganize = lazy(() => import('./screens/Reorganize'));

export const PROGRAM = 'laichau-tqpttd';
export const CURRENT_YEAR = new Date().getFullYear();

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('kdc-lang') === 'en' ? 'en' : 'vi'));
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [opened, setOpened] = useState(false);
  const route = useRoute();
  const i18n = useMemo(() => ({ t: dictionaries[lang], lang, toggle: () => { const next = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('kdc-lang', next); setLang(next); } }), [lang]);
  const t = i18n.t;
  setLabelLanguage(lang);

  useEffect(() => {
    api<{ user: User; csrfToken: string }>('GET', '/api/auth/me').then(
      (me) => { setCsrf(me.csrfToken); setUser(me.user); },
      () => setUser(null),
    );
  }, []);

  if (user === undefined) return null;
  if (user === null) return <I18nContext.Provider value={i18n}><Login onLogin={setUser} /></I18nContext.Provider>;

  const [screen, id] = route;
  // Importing and reorganising change many records at once: offered to those who manage units (the server checks again).
  const manages = user.grants.some((g) => g.role === 'admin' || g.role === 'officer');
  const nav = [
    ['', t.home], ['units', t.units], ['review', t.review], ['decisions', t.decisions], ['dashboard', t.dashboard], ['records', t.records],
    ...(manages ? [['import', t.importData], ['reorganize', t.reorganize]] as const : []), ['settings', t.settings],
  ] as const;
  const logout = async () => { await api('POST', '/api/auth/logout'); setUser(null); go(''); };

  return (
    <I18nContext.Provider value={i18n}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="sm">
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Burger opened={opened} onClick={() => setOpened(!opened)} hiddenFrom="sm" size="sm" aria-label="Menu" />
              <Title order={1} size="h4">KDC</Title>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" visibleFrom="sm">{user.displayName}</Text>
              <Button size="compact-sm" variant="subtle" onClick={i18n.toggle}>{t.language}</Button>
              <Button size="compact-sm" variant="light" onClick={logout}>{t.logout}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Điều hướng">
          {nav.map(([path, label]) => (
            <NavLink key={path} href={`#/${path}`} label={label} active={(screen ?? '') === path} onClick={() => setOpened(false)} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<Text>{t.loading}</Text>}>
            {screen === 'units' ? <Units /> :
              screen === 'area' && id ? <Area unitId={Number(id)} /> :
              screen === 'registration' && id ? <Registration id={Number(id)} /> :
              screen === 'review' ? <Review /> :
              screen === 'decisions' ? <Decisions /> :
              screen === 'settings' ? <Settings user={user} /> :
              screen === 'records' ? <RecordsScreen /> :
              screen === 'import' ? <ImportScreen /> :
              screen === 'reorganize' ? <Reorganize /> :
              screen === 'dashboard' ? <Dashboard key={id ?? ''} initialYear={id ? Number(id) : undefined} /> :
              <Home user={user} />}
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </I18nContext.Provider>
  );
}
