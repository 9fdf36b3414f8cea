/** Loading and error states for data a screen fetches: a spinner after half a second, a Vietnamese error with a retry. */
import { Alert, Button, Group, Loader } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then((data) => setState({ data, loading: false }), (e: Error) => setState({ error: e.message, loading: false }));
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export function Loaded<T>({ state, children }: { state: { data?: T; error?: string; loading: boolean; reload: () => void }; children: (data: T) => ReactNode }) {
  const { t } = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => { const id = setTimeout(() => setSlow(true), 500); return () => clearTimeout(id); }, []);
  if (state.error)
    return (
      <Alert color="red" title={t.error} role="alert">
        <Group justify="space-between">{state.error}<Button size="xs" variant="light" onClick={state.reload}>{t.retry}</Button></Group>
      </Alert>
    );
  if (state.data === undefined) return slow ? <Group p="md"><Loader size="sm" aria-label={t.loading} />{t.loading}</Group> : null;
  return <>{children(state.data)}</>;
}
