/**
 * The shell: who is signed in (the login form when nobody is), the language,
 * the programme and year switchers, the menu for the user's roles, and the
 * screen of the current route.
 */
import { Alert, AppShell, Burger, Button, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { api, call, setCsrf } from './api/client';
import { queries } from './api/queries';
import type { User } from './api/types';
import { ContextSwitcher } from './components/ContextSwitcher';
import { useContextInAddress, useProgramYear } from './context';
import { dictionaries, fill, I18nContext, useT, type Lang } from './i18n/index';
import { setLabelLanguage } from './labels';
import { navFor } from './nav';
import { Login } from './screens/Login';
import { OutboxStatus } from './offline/OutboxStatus';
import { forgetOfflineData } from './offline/forget';

export function Shell() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('kdc-lang') === 'en' ? 'en' : 'vi'));
  const i18n = useMemo(
    () => ({
      t: dictionaries[lang],
      lang,
      toggle: () => {
        const next = lang === 'vi' ? 'en' : 'vi';
        localStorage.setItem('kdc-lang', next);
        setLang(next);
      },
    }),
    [lang],
  );
  setLabelLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const client = useQueryClient();
  const me = useQuery(queries.me());
  useEffect(() => {
    if (me.data) setCsrf(me.data.csrfToken);
  }, [me.data]);

  let body;
  if (me.isPending)
    body = (
      <Group p="md" component="main">
        <Loader size="sm" aria-label={i18n.t.loading} />
      </Group>
    );
  else if (!me.data?.user) body = me.isError ? <Offline /> : <Login onLogin={(answer) => client.setQueryData(queries.me().queryKey, answer)} />;
  else body = <SignedIn user={me.data.user} />;
  return <I18nContext.Provider value={i18n}>{body}</I18nContext.Provider>;
}

/** No answer about the session and nothing cached: the app cannot know who this is. */
function Offline() {
  const { t } = useT();
  return (
    <Alert component="main" m="md" color="orange" title={t.offlineTitle} role="alert">
      {t.offlineNoSession}
    </Alert>
  );
}

function SignedIn({ user }: { user: User }) {
  const { t, toggle } = useT();
  const [opened, setOpened] = useState(false);
  const client = useQueryClient();
  const context = useProgramYear();
  useContextInAddress(context);
  const [unreachable, setUnreachable] = useState<string | undefined>();
  useEffect(() => {
    if (context.unreachable) setUnreachable(context.unreachable);
  }, [context.unreachable]);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const nav = navFor(user);

  const logout = async () => {
    await call(api.POST('/api/auth/logout')).catch(() => undefined);
    await forgetOfflineData();
    setCsrf(null);
    client.clear();
    client.setQueryData(queries.me().queryKey, { user: null, csrfToken: null });
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="sm">
      <a href="#main" className="kdc-skip">
        {t.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={() => setOpened(!opened)} hiddenFrom="sm" size="sm" aria-label={t.menu} aria-expanded={opened} />
            <Title order={1} size="h4">
              KDC
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <OutboxStatus />
            <Text size="sm" visibleFrom="sm">
              {user.displayName}
            </Text>
            <Button size="compact-sm" variant="subtle" onClick={toggle} visibleFrom="sm">
              {t.language}
            </Button>
            <Button size="compact-sm" variant="light" onClick={logout} visibleFrom="sm">
              {t.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t.navigation}>
        <Stack gap={4}>
          {nav.map((entry) => (
            <NavLink
              key={entry.to}
              component={Link}
              to={entry.to}
              label={t[entry.label]}
              variant="filled"
              active={entry.to === '/' ? pathname === '/' : pathname.startsWith(entry.to)}
              onClick={() => setOpened(false)}
            />
          ))}
          {/* On a phone the header has no room: who is signed in, the language and logging out live in the menu. */}
          <Stack gap={4} hiddenFrom="sm" mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" px="sm">
              {user.displayName}
            </Text>
            <Button variant="subtle" justify="flex-start" onClick={toggle}>
              {t.language}
            </Button>
            <Button variant="light" justify="flex-start" onClick={() => void logout()}>
              {t.logout}
            </Button>
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Stack gap="sm">
          <ContextSwitcher context={context} />
          {unreachable && context.program && (
            <Alert color="orange" role="status" withCloseButton onClose={() => setUnreachable(undefined)} closeButtonLabel={t.closeDialog}>
              {fill(t.programUnreachable, { code: unreachable, name: context.program.name })}
            </Alert>
          )}
          {!context.loading && !context.program && (
            <Alert color="gray" role="status">
              {t.noProgram}
            </Alert>
          )}
          <Suspense fallback={<Loader size="sm" aria-label={t.loading} />}>
            <Outlet />
          </Suspense>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
